"""How to cite a publication: the text shown under "Cite this", BibTeX and RIS downloads, the
Google Scholar `citation_*` meta tags and the schema.org description, all built from the
publication's structured fields (series, number, authors, display date, files).

A publication in a numbered series ("WIEGO Working Paper No. 48", "Statistical Brief No. 28") is
a *report*: schema.org `Report` with `reportNumber`, BibTeX `@techreport`, RIS `RPRT` and Scholar's
`citation_technical_report_*` tags. Anything else (an unnumbered brief, a resource document) is
described as a `ScholarlyArticle`, BibTeX `@misc`, RIS `GEN`.

Everything is produced in the publication's *content language* (the visitor's language when the
page has it, else English, like its canonical address), so the citation describes the page a
reader lands on from it.

Authors are people, with a family name and given names, or organisations, with one name. BibTeX
writes a person `Family, Given` and braces an organisation (`{WIEGO}`) so that no style takes its
name apart; RIS writes `AU  - Family, Given` (an organisation as it is). The citation shown on the
page follows one author-date style in every language (the README's "Citations"):

    Family, G., Family, G. and Organisation. Year. Title. Series No. N. Publisher. Address

with initials of the given names ("Ana María" → "A. M.", "Jean-Pierre" → "J.-P.") and the last
connector ("and", "y", "et", "e") in the citation's language.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import translation
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _

import languages as language_registry
from core import page_languages as languages
from core import sites

REPORT = "report"
ARTICLE = "article"
SCHEMA_TYPES = {REPORT: "Report", ARTICLE: "ScholarlyArticle"}
BIBTEX_TYPES = {REPORT: "techreport", ARTICLE: "misc"}
RIS_TYPES = {REPORT: "RPRT", ARTICLE: "GEN"}
FORMATS = {
    "bib": ("application/x-bibtex", "bibtex"),
    "ris": ("application/x-research-info-systems", "ris"),
}
HEADLINE_LENGTH = 110  # what Google reads of an Article headline


@dataclass
class CitedFile:
    url: str
    language: str
    title: str
    content_type: str
    is_pdf: bool


@dataclass
class CitedAuthor:
    family: str
    given: str = ""
    is_organisation: bool = False

    @property
    def name(self):
        """As readers see it: "Given Family", or the organisation's name."""
        return " ".join(part for part in (self.given, self.family) if part)

    @property
    def inverted(self):
        """ "Family, Given" (RIS, BibTeX), or the organisation's name."""
        return f"{self.family}, {self.given}" if self.given else self.family

    @property
    def initials(self):
        """The given names as initials: "Ana María" → "A. M.", "Jean-Pierre" → "J.-P."."""
        return " ".join("-".join(f"{part[0]}." for part in word.split("-") if part) for word in self.given.split())

    @property
    def short(self):
        """ "Family, G." for the citation shown on the page."""
        return f"{self.family}, {self.initials}" if self.given else self.family


@dataclass
class Reference:
    """One publication, resolved into plain values in its content language."""

    pk: int
    work_type: str  # REPORT or ARTICLE
    title: str
    authors: list  # of CitedAuthor
    date: datetime.date
    series: str
    number: str
    series_label: str
    publisher: str
    url: str
    language: str
    summary: str
    files: list = field(default_factory=list)
    pdf_url: str = ""
    modified: datetime.datetime | None = None

    @property
    def year(self):
        return self.date.year if self.date else ""

    @property
    def is_report(self):
        return self.work_type == REPORT


def _citation_language(code):
    """The language's name as BibTeX's `langid` wants it (from the language registry)."""
    return language_registry.get(code).citation_name if language_registry.is_language(code) else code


def publication_type(page):
    return REPORT if page.series_id and (page.number or "").strip() else ARTICLE


def _pdf_url(files, language):
    """The PDF in the visitor's language if there is one, else the first PDF."""
    pdfs = [cited for cited in files if cited.is_pdf]
    for cited in pdfs:
        if cited.language == language:
            return cited.url
    return pdfs[0].url if pdfs else ""


def reference_for(page, request=None):
    """The Reference of a publication page (cached on the page for the rest of the request)."""
    active = translation.get_language()
    cache = page.__dict__.setdefault("_reference_cache", {})
    if active in cache:
        return cache[active]

    language = sites.content_language(page)
    # pk breaks ties: author links saved without a position keep the order they were added in.
    authors = [
        CitedAuthor(link.author.family_name or link.author.name, link.author.given_name, link.author.is_organisation)
        for link in page.authors.select_related("author").order_by("sort_order", "pk")
    ]
    files = [
        CitedFile(
            url=sites.absolute_url(item.document.url, request),
            language=item.language,
            title=item.document.title,
            content_type=item.document.content_type,
            is_pdf=item.document.file_extension.lower() == "pdf",
        )
        for item in page.files.select_related("document").order_by("sort_order", "pk")
    ]
    with translation.override(language):
        series = page.live_series
        reference = Reference(
            pk=page.pk,
            work_type=publication_type(page),
            title=" ".join(page.title.split()),
            authors=authors,
            date=page.display_date,
            series=series.name if series else "",
            number=(page.number or "").strip(),
            series_label=str(page.series_label()),
            publisher=sites.site_name(request),
            url=languages.canonical_url(page, request) or "",
            language=language,
            summary=" ".join((page.summary or "").split()),
            files=files,
            modified=page.last_published_at,
        )
    reference.pdf_url = _pdf_url(files, active)
    cache[active] = reference
    return reference


def download_url(page, fmt):
    """The address of a citation download in the active language."""
    return reverse("publication_citation", kwargs={"pk": page.pk, "fmt": fmt})


def download_filename(reference, fmt):
    return f"{slugify(reference.title)[:80] or 'publication'}.{fmt}"


# -- the text a reader copies ------------------------------------------------------------------
def author_names(names):
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} {_('and')} {names[-1]}"


def _sentences(parts):
    text = ""
    for part in (" ".join(str(part).split()) for part in parts):
        if not part:
            continue
        if text:
            text += " " if text.endswith((".", "?", "!")) else ". "
        text += part
    return text


def citation_text(reference):
    """Family, G., Family, G. and Organisation. Year. Title. Series No. N. Publisher. Address"""
    with translation.override(reference.language):
        authors = author_names([author.short for author in reference.authors]) or reference.publisher
        return _sentences(
            [authors, reference.year, reference.title, reference.series_label, reference.publisher, reference.url]
        )


# -- BibTeX ------------------------------------------------------------------------------------
_BIBTEX_SPECIAL = re.compile(r"[\\{}&%$#_^~]")
_BIBTEX_REPLACEMENTS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}


def bibtex_escape(value):
    value = " ".join(str(value).split())
    return _BIBTEX_SPECIAL.sub(lambda match: _BIBTEX_REPLACEMENTS[match.group(0)], value)


def bibtex_key(reference):
    return f"wiego{reference.year}-{reference.pk}"


def _bibtex_name(author):
    if author.is_organisation or not author.given:
        return f"{{{bibtex_escape(author.family)}}}"
    return f"{bibtex_escape(author.family)}, {bibtex_escape(author.given)}"


def bibtex(reference):
    """A BibTeX/biblatex entry: people as `Family, Given`, organisations and the title braced so
    that styles keep them as written."""
    authors = reference.authors or [CitedAuthor(reference.publisher, is_organisation=True)]
    fields = [
        ("author", " and ".join(_bibtex_name(author) for author in authors)),
        ("title", f"{{{bibtex_escape(reference.title)}}}"),
        ("year", str(reference.year)),
        ("date", reference.date.isoformat() if reference.date else ""),
    ]
    if reference.is_report:
        fields += [
            ("institution", bibtex_escape(reference.publisher)),
            ("type", bibtex_escape(reference.series)),
            ("number", bibtex_escape(reference.number)),
        ]
    else:
        fields += [("publisher", bibtex_escape(reference.publisher)), ("series", bibtex_escape(reference.series))]
    fields += [
        ("url", reference.url.replace("{", "%7B").replace("}", "%7D")),
        ("langid", _citation_language(reference.language)),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{BIBTEX_TYPES[reference.work_type]}{{{bibtex_key(reference)},\n{body}\n}}\n"


# -- RIS ---------------------------------------------------------------------------------------
def ris(reference):
    """An RIS record (CRLF line ends, as the format asks; UTF-8, as reference managers read it)."""
    tags = [("TY", RIS_TYPES[reference.work_type]), ("TI", reference.title)]
    tags += [("AU", author.inverted) for author in reference.authors] or [("AU", reference.publisher)]
    tags += [
        ("PY", str(reference.year)),
        ("DA", reference.date.strftime("%Y/%m/%d/") if reference.date else ""),
        ("T2", reference.series),
        ("SN", reference.number if reference.is_report else ""),
        ("PB", reference.publisher),
        ("LA", reference.language),
        ("AB", reference.summary),
        ("UR", reference.url),
        ("L1", reference.pdf_url),
    ]
    lines = [f"{tag}  - {' '.join(str(value).split())}" for tag, value in tags if value]
    lines.append("ER  - ")
    return "\r\n".join(lines) + "\r\n"


def render(reference, fmt):
    """(body, content type) of a download format ("bib" or "ris"); KeyError for others."""
    content_type, name = FORMATS[fmt]
    return {"bibtex": bibtex, "ris": ris}[name](reference), content_type


# -- Google Scholar ----------------------------------------------------------------------------
def scholar_meta(reference):
    """(name, content) pairs of Google Scholar's (Highwire Press) citation_* meta tags."""
    tags = [("citation_title", reference.title)]
    tags += [("citation_author", author.name) for author in reference.authors]
    if reference.date:
        tags.append(("citation_publication_date", reference.date.strftime("%Y/%m/%d")))
    tags += [("citation_language", reference.language), ("citation_publisher", reference.publisher)]
    if reference.series:
        tags.append(("citation_series_title", reference.series))
    if reference.is_report:
        tags += [
            ("citation_technical_report_institution", reference.publisher),
            ("citation_technical_report_number", reference.number),
        ]
    if reference.url:
        tags.append(("citation_abstract_html_url", reference.url))
    if reference.pdf_url:
        tags.append(("citation_pdf_url", reference.pdf_url))
    return [(name, content) for name, content in tags if content]


# -- schema.org --------------------------------------------------------------------------------
def _agent(author, publisher):
    if author.is_organisation:
        if author.name.casefold() == (publisher.get("name") or "").casefold():
            return publisher
        return {"@type": "Organization", "name": author.name}
    person = {"@type": "Person", "name": author.name, "familyName": author.family}
    if author.given:
        person["givenName"] = author.given
    return person


def schema_org(reference, *, image=None, publisher=None):
    """The JSON-LD description of a publication (Report or ScholarlyArticle)."""
    publisher = publisher or {"@type": "Organization", "name": reference.publisher}
    data = {
        "@context": sites.SCHEMA_CONTEXT,
        "@type": SCHEMA_TYPES[reference.work_type],
        "headline": Truncator(reference.title).chars(HEADLINE_LENGTH),
        "name": reference.title,
        "author": [_agent(author, publisher) for author in reference.authors] or [publisher],
        "publisher": publisher,
        "inLanguage": reference.language,
        "url": reference.url,
        "mainEntityOfPage": reference.url,
    }
    if reference.date:
        data["datePublished"] = reference.date.isoformat()
    if reference.modified:
        data["dateModified"] = reference.modified.isoformat(timespec="seconds")
    if reference.summary:
        data["abstract"] = reference.summary
    if reference.series:
        data["isPartOf"] = {"@type": "CreativeWorkSeries", "name": reference.series}
    if reference.is_report:
        data["reportNumber"] = reference.number
    if image:
        data["image"] = {
            "@type": "ImageObject",
            "url": image["url"],
            "width": image["width"],
            "height": image["height"],
        }
    if reference.files:
        data["encoding"] = [
            {
                "@type": "MediaObject",
                "name": cited.title,
                "contentUrl": cited.url,
                "encodingFormat": cited.content_type,
                "inLanguage": cited.language,
            }
            for cited in reference.files
        ]
    return data
