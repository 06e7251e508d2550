"""What people wrote: each app whose pages have authors registers how to find a person's pages.

The people app sits below the apps whose pages name authors (publications, news), so it cannot
import them: a person's page asks this registry instead. An app registers from its
`AppConfig.ready()` a `Writings` with a heading and a function giving the live, public pages a
person wrote, newest first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import QuerySet


@dataclass(frozen=True)
class Writings:
    key: str  # stable name, e.g. "publications"
    heading: str  # shown above the list on a person's page, e.g. "Publications"
    pages: Callable[[object], QuerySet]  # person -> their pages, newest first
    order: int = 100


_writings: dict[str, Writings] = {}


def register(writings: Writings) -> None:
    _writings[writings.key] = writings


def registered() -> list[Writings]:
    return sorted(_writings.values(), key=lambda writings: (writings.order, writings.key))
