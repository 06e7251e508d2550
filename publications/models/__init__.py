"""The library: publications (publication.py) and the library page that lists them (library.py)."""

from publications.models.library import PublicationIndexPage
from publications.models.publication import (
    PublicationAuthor,
    PublicationFile,
    PublicationPage,
    PublicationSeries,
)

__all__ = [
    "PublicationAuthor",
    "PublicationFile",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationSeries",
]
