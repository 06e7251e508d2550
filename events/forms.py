"""The event editor: times are typed on the event's own clock.

Django reads a typed date and time in the site's time zone (UTC). An editor planning a meeting in
Accra or Paris types the time on that city's clock, so the form shows the stored times in the
event's zone and reads what is typed as a time in the zone chosen on the same form.
"""

from core.forms import TranslatedPageForm
from events import times

TIME_FIELDS = ("start", "end")


class EventPageForm(TranslatedPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        instance = self.instance
        for name in TIME_FIELDS:
            value = getattr(instance, name, None)
            if value is not None and name in self.fields:
                # Naive: shown as it is, the event's wall clock.
                self.initial[name] = times.in_zone(value, instance.time_zone).replace(tzinfo=None)

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone") or getattr(self.instance, "time_zone", "UTC")
        for name in TIME_FIELDS:
            if cleaned.get(name) is not None:
                cleaned[name] = times.as_wall_time(cleaned[name], zone_name)
        return cleaned
