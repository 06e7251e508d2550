"""The page-type filter of a programme's related listing (`?type=`: publication, impact story,
initiative, page). Values are stable keys, so the language switcher keeps them.

The choices come from the page types themselves: each type that sets `related_listing_type`
(with its plural `related_listing_label` and `related_listing_order`) is offered, so this module
names no page type of any app.
"""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy as _

from core.models import concrete_page_types


@dataclass
class PageTypeOption:
    value: str
    label: str
    count: int
    selected: bool


def listed_page_types() -> dict:
    """{filter value: (plural label, page model)} in the order the filter lists them."""
    models = [model for model in concrete_page_types() if getattr(model, "related_listing_type", None)]
    models.sort(key=lambda model: (getattr(model, "related_listing_order", 100), model._meta.label))
    return {model.related_listing_type: (model.related_listing_label, model) for model in models}


def filter_by_page_type(related: QuerySet, raw_value: str) -> tuple[QuerySet, list[PageTypeOption], str | None]:
    """(filtered pages, options with counts, problem message or None)."""
    page_types = listed_page_types()
    content_types = ContentType.objects.get_for_models(*[model for _label, model in page_types.values()])
    type_ids = {key: content_types[model].pk for key, (_label, model) in page_types.items()}
    counts = dict(related.order_by().values_list("content_type").annotate(n=Count("pk")))
    chosen = raw_value if raw_value in page_types else ""
    problem = _("Unknown kind of page: showing everything.") if raw_value and not chosen else None
    options = [
        PageTypeOption(key, label, counts.get(type_ids[key], 0), key == chosen)
        for key, (label, _model) in page_types.items()
    ]
    if chosen:
        related = related.filter(content_type_id=type_ids[chosen])
    return related, options, problem
