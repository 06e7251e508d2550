"""Portuguese dates with the month in lower case, as Portuguese writes it ("10 de dezembro de
2012"), in Portugal and Brazil alike. Django's Portuguese catalogue capitalises month names, so
these formats use `E`, the "alt. month" names, which the site's own catalogue gives in lower case
(the entries below keep them there)."""

from django.utils.translation import pgettext_lazy

DATE_FORMAT = r"j \d\e E \d\e Y"
DATETIME_FORMAT = r"j \d\e E \d\e Y à\s H:i"
YEAR_MONTH_FORMAT = r"E \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e E"

# Never read: they put the month names in locale/*/django.po, where Portuguese has them in lower case.
MONTH_NAMES = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
