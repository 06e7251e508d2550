"""The kind filter of a programme's related listing (publication, impact story, initiative,
page). Values are stable keys, so the language switcher keeps them."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.utils.translation import gettext_lazy as _


@dataclass
class KindOption:
    value: str
    label: str
    count: int
    selected: bool


def related_kinds():
    from publications.models import PublicationPage
    from wiegosite.models import StandardPage

    from .models import ImpactStoryPage, InitiativePage

    return {
        "publication": (_("Publications"), PublicationPage),
        "impact-story": (_("Impact stories"), ImpactStoryPage),
        "initiative": (_("Initiatives"), InitiativePage),
        "page": (_("Pages"), StandardPage),
    }


def filter_by_kind(related, raw_kind):
    """(filtered pages, options with counts, problem message or None)."""
    kinds = related_kinds()
    content_types = ContentType.objects.get_for_models(*[model for _label, model in kinds.values()])
    type_ids = {key: content_types[model].pk for key, (_label, model) in kinds.items()}
    counts = dict(related.order_by().values_list("content_type").annotate(n=Count("pk")))
    chosen = raw_kind if raw_kind in kinds else ""
    problem = _("Unknown kind of page: showing everything.") if raw_kind and not chosen else None
    options = [
        KindOption(key, label, counts.get(type_ids[key], 0), key == chosen) for key, (label, _model) in kinds.items()
    ]
    if chosen:
        related = related.filter(content_type_id=type_ids[chosen])
    return related, options, problem
