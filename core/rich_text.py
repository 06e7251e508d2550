"""Rich text that cannot break a page: what may be stored, and how whatever is stored is shown.

Rich text is stored as Wagtail's database HTML (`<a linktype="page" id="12">`). Text that did not
come from the editor (a translation file, a script, an old database) may hold links whose id is
not a number or names nothing, link types no handler knows, or tags closed in the wrong order.
Wagtail then answers 500: its page and document link handlers pass the id to the database as it
is (`int("abc")`), and the editor's HTML-to-Draft.js converter asserts that tags are balanced.

- `problems()` says what is wrong with a piece of rich text before it is stored (the translation
  import refuses such entries).
- `SafePageLinkHandler` and `SafeDocumentLinkHandler` (registered in `core.wagtail_hooks`) render
  a broken link as its text (`<a>` without `href`) and log it.
- `SafeDraftailRichTextArea` (the `WAGTAILADMIN_RICH_TEXT_EDITORS` widget) opens markup the
  editor cannot read in a repaired form: tags balanced, broken links reduced to their text.
"""

import logging
from html import unescape
from html.parser import HTMLParser

from bs4 import BeautifulSoup
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext as _
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.documents import get_document_model
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from core.blocks import RICH_TEXT_FEATURES

logger = logging.getLogger("core.rich_text")

# Elements with no end tag; everything else the editor writes must be closed, in order.
VOID_ELEMENTS = {"br", "hr", "img", "embed", "input", "meta", "link", "wbr"}
MAX_ID_DIGITS = 18  # beyond a 64-bit key: no object can have it


def object_id(attrs) -> int | None:
    """The object id of a stored link's attributes, or None when it is missing or not a number."""
    value = attrs.get("id")
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= MAX_ID_DIGITS:
        return int(value)
    return None


# -- showing what is stored ------------------------------------------------------------------


class _SafeLinkHandlerMixin:
    """Looks up only well-formed ids; a link whose object is missing renders as its text."""

    @classmethod
    def get_many(cls, attrs_list):
        valid = [attrs for attrs in attrs_list if object_id(attrs) is not None]
        found = iter(super().get_many([{"id": str(object_id(attrs))} for attrs in valid]))
        return [next(found) if object_id(attrs) is not None else None for attrs in attrs_list]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        tags = super().expand_db_attributes_many(attrs_list)
        for attrs, tag in zip(attrs_list, tags, strict=True):
            if tag == "<a>":  # Wagtail's own rendering of a link to nothing: no href, so text
                logger.warning("Broken %s link in rich text (id %r) shown as text", cls.identifier, attrs.get("id"))
        return tags

    @classmethod
    def extract_references(cls, attrs):
        # The reference index (on every save) would otherwise raise for a link without an id.
        if object_id(attrs) is not None:
            yield from super().extract_references(attrs)


class SafePageLinkHandler(_SafeLinkHandlerMixin, PageLinkHandler):
    pass


class SafeDocumentLinkHandler(_SafeLinkHandlerMixin, DocumentLinkHandler):
    pass


# -- what may be stored ----------------------------------------------------------------------

LINK_TYPES = ("page", "document")  # the stored link types of the site's features (link, document-link)


class _Structure(HTMLParser):
    """Unbalanced tags and the stored links of a piece of rich text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open, self.problems, self.links = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))
        if tag in VOID_ELEMENTS:
            # The editor's converter waits for a </br> that never comes: it reads only <br/>.
            self.problems.append(_("<%(tag)s> must be written <%(tag)s/>") % {"tag": tag})
        else:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        if tag == "a":
            self.links.append(dict(attrs))

    def handle_endtag(self, tag):
        if tag in VOID_ELEMENTS:
            return
        if not self.open or tag not in self.open:
            self.problems.append(_("</%(tag)s> closes nothing") % {"tag": tag})
            return
        while self.open[-1] != tag:
            self.problems.append(_("<%(tag)s> is closed by </%(closing)s>") % {"tag": self.open.pop(), "closing": tag})
        self.open.pop()

    def close(self):
        super().close()
        for tag in reversed(self.open):
            self.problems.append(_("<%(tag)s> is never closed") % {"tag": tag})


def _link_problems(links):
    models = {"page": Page, "document": get_document_model()}
    no_valid_id = {
        "page": _("a page link without a valid id (“%(id)s”)"),
        "document": _("a document link without a valid id (“%(id)s”)"),
    }
    not_found = {
        "page": _("a link to page %(id)s, which does not exist"),
        "document": _("a link to document %(id)s, which does not exist"),
    }
    problems, wanted = [], {link_type: set() for link_type in LINK_TYPES}
    for attrs in links:
        link_type = attrs.get("linktype")
        if link_type is None:
            continue  # an external, e-mail or anchor link: its href is checked by the markup rules
        if link_type not in LINK_TYPES:
            problems.append(_("unknown link type “%(type)s”") % {"type": link_type})
        elif object_id(attrs) is None:
            problems.append(no_valid_id[link_type] % {"id": attrs.get("id", "")})
        else:
            wanted[link_type].add(object_id(attrs))
    for link_type, ids in wanted.items():
        existing = set(models[link_type].objects.filter(pk__in=ids).values_list("pk", flat=True)) if ids else set()
        problems += [not_found[link_type] % {"id": missing} for missing in sorted(ids - existing)]
    return problems


def _visible_text(html):
    return " ".join(unescape(strip_tags(html.replace("<", " <"))).split())


def problems(html: str, features=RICH_TEXT_FEATURES) -> list[str]:
    """What would break a page or its editor if `html` were stored as rich text with `features`:
    tags not closed in order, unknown link types, links to pages or documents that do not exist,
    markup the editor's converter cannot read or would change. Empty when it is safe."""
    structure = _Structure()
    structure.feed(html)
    structure.close()
    found = structure.problems + _link_problems(structure.links)
    if found:
        return found
    converter = ContentstateConverter(features)
    try:
        round_trip = converter.to_database_format(converter.from_database_format(html))
    except Exception:  # any failure of the editor's converter means the editor cannot open it
        return [_("markup the editor cannot read")]
    if _visible_text(round_trip) != _visible_text(html):
        return [_("markup the editor would change (some text would be lost or moved)")]
    return []


# -- opening what is stored in the editor -----------------------------------------------------


def repaired(html: str) -> str:
    """`html` with its tags balanced (as an HTML parser closes them) and every link the editor
    cannot open (unknown type, id not a number) reduced to its text."""
    soup = BeautifulSoup(html, "html.parser")
    for link in soup.find_all("a"):
        link_type = link.get("linktype")
        if link_type is not None and (link_type not in LINK_TYPES or object_id(link.attrs) is None):
            link.unwrap()
    return str(soup)


class SafeDraftailRichTextArea(DraftailRichTextArea):
    """Wagtail's rich text editor, which opens any stored markup: what its converter cannot read
    is opened repaired (saving then stores the repaired form), instead of a 500 for every editor
    of the page."""

    def format_value(self, value):
        try:
            return super().format_value(value)
        except Exception:  # the converter fails with assertions, key and value errors
            logger.warning("Rich text the editor cannot read was opened repaired", exc_info=True)
        try:
            return super().format_value(repaired(value or ""))
        except Exception:  # the last resort keeps the words
            logger.warning("Rich text the editor cannot read was opened as plain text", exc_info=True)
            return super().format_value(f"<p>{escape(_visible_text(value or ''))}</p>")
