"""The kind filter of a programme's related listing (publication, impact story, initiative,
page). Values are stable keys, so the language switcher keeps them.

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
class KindOption:
    value: str
    label: str
    count: int
    selected: bool


def related_kinds() -> dict:
    """{filter value: (plural label, page model)} in the order the filter lists them."""
    models = [model for model in concrete_page_types() if getattr(model, "related_listing_type", None)]
    models.sort(key=lambda model: (getattr(model, "related_listing_order", 100), model._meta.label))
    return {model.related_listing_type: (model.related_listing_label, model) for model in models}


def filter_by_kind(related: QuerySet, raw_kind: str) -> tuple[QuerySet, list[KindOption], str | None]:
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
