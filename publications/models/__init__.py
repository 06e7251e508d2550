"""The library: publications (publication.py) and the library page that lists them (library.py)."""

from publications.models.library import PublicationIndexPage
from publications.models.publication import (
    Author,
    PublicationAuthor,
    PublicationFile,
    PublicationPage,
    PublicationSeries,
)

__all__ = [
    "Author",
    "PublicationAuthor",
    "PublicationFile",
    "PublicationIndexPage",
    "PublicationPage",
    "PublicationSeries",
]
