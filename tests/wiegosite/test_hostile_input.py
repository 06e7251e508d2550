"""Every kind of public address, in every language, against hostile query strings, headers and
methods: never a 5xx, never reflected markup, and exactly the status each deserves.

What each deserves:
- a well-formed GET with junk in its query string or headers answers as it would without the
  junk (200, the library's 302 to its clean address, 404 for what does not exist); junk is
  ignored or reported on the page, never echoed as markup;
- a Host the site does not answer for, or that is not a host name at all, is refused with 400;
- a redirect the site would make to an address over Django's limit (16,384 characters) is 400;
- the public site is read-only: every address a public view answers takes GET and HEAD only,
  anything else (POST without or with a CSRF token, PUT, PATCH, DELETE, OPTIONS, TRACE) is 405
  with `Allow: GET, HEAD`; addresses no view answers stay 404 (or the bare `/`'s redirect).

The site is built once for the module, inside a transaction rolled back at the end. Each test
walks a table of cases for one kind of address, collecting every failure and reporting them
together, each named by the address, the case and what went wrong. Cases are spread over the
kind's addresses (its four languages) in turn, so every kind is walked in every language while
each case runs once; free text that reaches the search index runs in every language, whose
text-search configurations differ on PostgreSQL.
"""

import datetime
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
from django.db import transaction
from django.test import Client

from places.models import PageRegion
from programmes.models import PageProgramme
from tests import factories
from tests.helpers import LANGUAGES, make_document, publication_file, url_in

MARKUP = "<script>alert(1)</script>"
ATTRIBUTE_BREAKOUT = '"><svg onload=alert(1)>'
# What must never come back unescaped: the start of each injected element.
REFLECTED = ["<script>alert(1)", "<svg onload"]


def encoded(text):
    return quote(text, safe="")


# Hostile values of a query parameter, percent-encoded as they travel.
HOSTILE_VALUES = {
    "NUL byte": "a%00b",
    "control characters": "a%01%08%1B%7F%C2%85b",
    "lone surrogate": "a%ED%A0%80b",
    "invalid UTF-8": "a%FF%FE%C3b",
    "10,000 characters": "a" * 10_000,
    "10,000 characters with spaces": "ab+" * 3_334,
    "LIKE metacharacters": encoded("%_\\"),
    "SQL": encoded("1' OR '1'='1'; DROP TABLE wagtailcore_page; --"),
    "tsquery operators": encoded('!(a & b) | c:* <-> "d'),
    "markup": encoded(MARKUP),
    "attribute breakout": encoded(ATTRIBUTE_BREAKOUT),
    "negative number": "-1",
    "zero": "0",
    "huge number": "9" * 40,
    "exponent": "1e9",
    "decimal": "2.5",
    "non-numeric": "abc",
    "a word the site has": "Paper",
}
# The values that are free text: they reach the search index, so they run in every language.
TEXT_VALUES = [
    "NUL byte",
    "control characters",
    "lone surrogate",
    "10,000 characters with spaces",
    "LIKE metacharacters",
    "tsquery operators",
    "a word the site has",
]
LONG_VALUES = ["10,000 characters", "10,000 characters with spaces"]
# For addresses that read no parameter: what could still reach shared code (the language
# switcher's and canonical links, error pages) or be echoed.
UNREAD_VALUES = ["NUL byte", "invalid UTF-8", "10,000 characters", "markup", "attribute breakout"]

# Query strings whose shape is hostile, whatever the values ({p}: each parameter in turn).
HOSTILE_SHAPES = {
    "repeated parameters": "{p}=a&{p}=b&{p}=1&{p}=2",
    "many repeats": "&".join(["{p}=1"] * 100),
    "array syntax": "{p}[]=x&{p}[0]=y&{p}[a][b]=z",
    "empty names": "=x&==&&&",
    "NUL in the name": "%00=1&{p}%00=1",
    "markup in the name": f"{encoded(MARKUP)}=1&{encoded(ATTRIBUTE_BREAKOUT)}=2",
    "semicolons": "{p}=1;{p}=2;x=3",
    "unencoded markup": '{p}=<script>alert(1)</script>&x="><svg onload=alert(1)>',
    # What a form submits for fields left alone: the library redirects to its clean address.
    "empty values": "{p}=&{p}=+++",
    # The programme listing's filter before it was `type`: redirected to `type` for bookmarks.
    "old filter name": f"kind={encoded(MARKUP)}",
}

# Headers that are junk but harmless: the answer must be the same as without them. Each group
# is one request (headers are read independently of each other; a failure names its group).
HOSTILE_HEADERS = {
    "Accept-Language, conditional, forwarding, cookie and user-agent garbage": {
        "HTTP_ACCEPT_LANGUAGE": "xx-!!;q=abc, *;q=-1, zz;q=1e999, ;;;,,,q=, \x00",
        "HTTP_IF_NONE_MATCH": 'garbage, "unterminated, W/, ,,',
        "HTTP_IF_MATCH": "nonsense",
        "HTTP_IF_MODIFIED_SINCE": "Mon, 01 Jan 99999999 00:00:00 GMT",
        "HTTP_IF_UNMODIFIED_SINCE": "yesterday",
        "HTTP_IF_RANGE": MARKUP,
        "HTTP_X_FORWARDED_FOR": f"{MARKUP}, 999.999.999.999, ::::, unknown",
        "HTTP_X_FORWARDED_HOST": "evil.example.org",
        "HTTP_X_FORWARDED_PROTO": "gopher, https",
        "HTTP_X_FORWARDED_PORT": "abc",
        "HTTP_FORWARDED": f'for="{MARKUP}";proto=evil',
        "HTTP_X_REAL_IP": "not an address",
        "HTTP_COOKIE": f'sessionid=garbage; csrftoken={MARKUP}; django_language=xx; ;;; =; "a=b"; =',
        "HTTP_USER_AGENT": "\x00" + "A" * 10_000,
        "HTTP_REFERER": f"javascript:alert(1)//{MARKUP}",
    },
    "very long Accept-Language, If-Modified-Since, Range and cookie": {
        "HTTP_ACCEPT_LANGUAGE": "zz-ZZ;q=0.5, " * 1_000,
        "HTTP_IF_MODIFIED_SINCE": "Mon, 99 Foo -1 99:99:99 GMT",
        "HTTP_RANGE": "bytes=" + ",".join(["0-0"] * 2_000),
        "HTTP_COOKIE": "junk=" + "x" * 10_000,
    },
    "Range garbage and a well-formed unknown session": {
        "HTTP_RANGE": "bytes=abc, bytes=-0, 99999999999999999999999-1",
        "HTTP_COOKIE": f"sessionid={'a' * 32}; csrftoken={'b' * 64}",
    },
    # An empty ETag matches nothing: no 304 for a file the client has never seen.
    "If-None-Match empty": {"HTTP_IF_NONE_MATCH": '""'},
}

# Host headers the site does not answer for (ALLOWED_HOSTS), or that are not host names: 400.
BAD_HOSTS = {
    "another site's name": "evil.example.org",
    "empty": "",
    "non-numeric port": "testserver:abc",
    "unterminated IPv6 literal": "[::1",
    "user info": "testserver@evil.example.org",
    "markup": f"testserver{MARKUP}",
    "300 characters": "a" * 300,
}
# Spellings of the site's own name that are the same host: answered normally.
GOOD_HOSTS = {"upper case": "TESTSERVER", "trailing dot": "testserver."}

METHODS = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE"]


@dataclass(frozen=True)
class Kind:
    """A kind of public address: its addresses (one per language, or a few), the parameters
    it reads, and what a well-formed GET of it answers."""

    name: str
    paths: object  # function: site -> [(label, path)]
    params: tuple = ()  # none: the junk goes in `q` and `page`, with fewer values
    status: int = 200
    content_type: str = "text/html"
    # What other methods get: 405 where a public view answers the address, else None (as GET).
    methods_status: int | None = 405
    # Where `q` goes to the search index, so each text value runs in every language.
    searches_text: bool = False
    # Statuses of the cases the address treats specially (a canonical redirect, ...).
    special: dict = field(default_factory=dict)


def each_language(make):
    return lambda site: [(language, make(site, language)) for language in LANGUAGES]


def page(key):
    return each_language(lambda site, language: url_in(site[key], language))


def one(path):
    return lambda site: [("", path(site) if callable(path) else path)]


def several(*paths):
    """Addresses of one kind, in turn in each language."""

    def make(site):
        return [(language, path(site, language)) for path, language in zip(paths, LANGUAGES * len(paths), strict=False)]

    return make


LIBRARY_FILTERS = ("q", "year", "series", "programme", "region", "language", "sort", "page")
# Django refuses to redirect to an address over 16,384 characters: a redirect that would carry
# two 10,000-character values is a 400.
TOO_LONG_TO_REDIRECT = dict.fromkeys(LONG_VALUES, 400)


def under_language(suffix):
    """An address below each language prefix, e.g. /es/feeds/library/rss/."""
    return each_language(lambda site, language: f"/{language}{suffix(site)}")


KINDS = [
    Kind("home", page("home")),
    Kind("standard page", page("standard")),
    Kind("programme index", page("programme_index")),
    Kind("programme page", page("programme"), params=("type", "page"), special={"old filter name": 301}),
    Kind("initiative index", page("initiative_index"), params=("page",)),
    Kind("initiative page", page("initiative")),
    Kind("impact index", page("impact_index"), params=("page",)),
    Kind("impact story", page("impact")),
    Kind("library", page("library"), params=LIBRARY_FILTERS, searches_text=True, special={"empty values": 302}),
    Kind("publication page", page("publication")),
    Kind(
        "BibTeX download",
        under_language(lambda site: f"/publications/{site['publication'].pk}/cite.bib"),
        content_type="application/x-bibtex",
    ),
    Kind(
        "RIS download",
        under_language(lambda site: f"/publications/{site['publication'].pk}/cite.ris"),
        content_type="application/x-research-info-systems",
    ),
    Kind(
        "library feed (RSS)",
        under_language(lambda site: "/feeds/library/rss/"),
        params=LIBRARY_FILTERS,
        content_type="application/rss+xml",
        searches_text=True,
    ),
    Kind(
        "library feed (Atom)",
        under_language(lambda site: "/feeds/library/atom/"),
        params=LIBRARY_FILTERS,
        content_type="application/atom+xml",
        searches_text=True,
    ),
    Kind(
        "programme feed (RSS)",
        under_language(lambda site: f"/feeds/programmes/{site['programme'].pk}/rss/"),
        content_type="application/rss+xml",
    ),
    Kind(
        "programme feed (Atom)",
        under_language(lambda site: f"/feeds/programmes/{site['programme'].pk}/atom/"),
        content_type="application/atom+xml",
    ),
    Kind("search", under_language(lambda site: "/search/"), params=("q", "page"), searches_text=True),
    Kind("sitemap", one("/sitemap.xml"), content_type="application/xml"),
    Kind("sitemap file", one("/sitemap-1.xml"), content_type="application/xml"),
    Kind("robots.txt", one("/robots.txt"), content_type="text/plain"),
    Kind("document", one(lambda site: site["document"].url), content_type="application/pdf"),
    # The bare address sends visitors to their language (Accept-Language, else English).
    Kind("language choice", one("/"), status=302, content_type="", methods_status=None, special=TOO_LONG_TO_REDIRECT),
    Kind(
        "missing page",
        several(
            lambda site, language: f"/{language}/no-such-page/",
            lambda site, language: url_in(site["library"], language) + "nope/",
            lambda site, language: f"/{language}/{'a' * 10_000}/",
            lambda site, language: f"/{language}/" + "a/" * 1_000,
        ),
        status=404,
    ),
    Kind(
        "missing object",
        several(
            lambda site, language: f"/{language}/publications/{2**63 - 1}/cite.bib",
            lambda site, language: f"/{language}/publications/{site['standard'].pk}/cite.ris",
            lambda site, language: f"/{language}/publications/{site['publication'].pk}/cite.exe",
            lambda site, language: f"/{language}/feeds/library/json/",
            lambda site, language: f"/{language}/feeds/programmes/{2**63 - 1}/rss/",
            # (the page tree's catch-all answers this one: still a 404)
            lambda site, language: f"/{language}/feeds/programmes/{'9' * 30}/rss/",
            lambda site, language: f"/{language}/feeds/programmes/{site['standard'].pk}/atom/",
            lambda site, language: "/sitemap-99999999999999999999.xml",
            lambda site, language: f"/documents/{'9' * 30}/x.pdf",
            lambda site, language: f"/documents/{site['document'].pk}/other-name.pdf",
        ),
        status=404,
    ),
    # Addresses no view answers, whatever the method. Media is the reverse proxy's to serve.
    Kind(
        "unknown address",
        several(
            lambda site, language: "/de/",
            # An id too large for the database is no address at all.
            lambda site, language: f"/{language}/publications/{'9' * 30}/cite.bib",
            lambda site, language: "/media/original_images/market.jpg",
            lambda site, language: f"/{language}/{encoded(MARKUP)}/",
            lambda site, language: f"/{language}/a%00b/",
            lambda site, language: f"/{language}/%ED%A0%80%FF/",
            lambda site, language: f"/{language}/{encoded(ATTRIBUTE_BREAKOUT)}",
        ),
        status=404,
        methods_status=None,
    ),
]
KIND_IDS = [kind.name for kind in KINDS]


# -- the site, built once ------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """One page of every type, tagged and filed so every filter and feed has something to
    list, and a real document; rolled back when the module is done."""
    from django.test.utils import override_settings

    media = tmp_path_factory.mktemp("hostile-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            yield _build(media)
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _build(media):
    home = factories.HomePageFactory(name="Home", slug_en="home", slug_es="inicio", slug_fr="accueil", slug_pt="inicio")
    site = {"home": home, "media": media}
    site["standard"] = factories.StandardPageFactory(parent=home, name="What We Do", show_in_menus=True)
    site["programme_index"] = factories.ProgrammeIndexPageFactory(parent=home, name="Programmes")
    site["programme"] = factories.ProgrammePageFactory(parent=site["programme_index"], name="Social Protection")
    site["initiative_index"] = factories.InitiativeIndexPageFactory(parent=home, name="Initiatives")
    site["initiative"] = factories.InitiativePageFactory(parent=site["initiative_index"], name="Child Care")
    site["impact_index"] = factories.ImpactIndexPageFactory(parent=home, name="Impact")
    site["impact"] = factories.ImpactStoryPageFactory(parent=site["impact_index"], name="Ghana Dialogue")
    site["library"] = factories.PublicationIndexPageFactory(parent=home, name="Library", items_per_page=2)
    region = factories.RegionFactory(key="africa", name_en="Africa")
    series = factories.PublicationSeriesFactory(key="working-paper", name_en="Working Paper")
    for number in range(5):
        publication = factories.PublicationPageFactory(
            parent=site["library"],
            name=f"Paper {number}",
            series=series,
            display_date=datetime.date(2015 + number, 3, 1),
            missing=("fr",) if number == 4 else (),
        )
        publication.programme_tags = [PageProgramme(programme=site["programme"])]
        publication.region_tags = [PageRegion(region=region)]
        publication.files = [
            publication_file(f"Paper {number} ({code})", f"paper-{number}-{code}.pdf", code) for code in ("en", "es")
        ]
        publication.save_revision().publish()
    site["publication"] = publication
    for key in ("standard", "initiative", "impact"):
        factories.tag(site[key], site["programme"])
    site["document"] = make_document("Annual report", "annual-report.pdf")
    return site


@pytest.fixture
def site(built_site, db, settings):
    settings.MEDIA_ROOT = built_site["media"]  # the per-test media folder would lack the document
    # As in production: only the site's own names, behind a proxy that says when it was HTTPS.
    settings.ALLOWED_HOSTS = ["testserver"]
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    return built_site


# -- checking answers --------------------------------------------------------------------------


def body_of(response):
    # (the test client closes a streamed response once read)
    return b"".join(response.streaming_content) if response.streaming else response.content


class Failures(list):
    """Every problem found in a test's answers, reported together."""

    def check(self, where, response, expected_status, content_type=None):
        body = body_of(response).decode("utf-8", "replace").lower()
        location = response.get("Location", "").lower()
        problems = []
        if response.status_code != expected_status:
            problems.append(f"status {response.status_code}, expected {expected_status}")
        problems += [f"reflects {markup!r}" for markup in REFLECTED if markup in body or markup in location]
        shown_type = response.get("Content-Type", "")
        if content_type is not None and response.status_code == 200 and not shown_type.startswith(content_type):
            problems.append(f"Content-Type {shown_type!r}, expected {content_type!r}")
        if response.status_code == 405 and response.get("Allow") != "GET, HEAD":
            problems.append(f"Allow {response.get('Allow')!r}, expected 'GET, HEAD'")
        self.extend(f"{where}: {problem}" for problem in problems)

    def report(self):
        shown = "\n".join(self[:80])
        more = f"\n... and {len(self) - 80} more" if len(self) > 80 else ""
        return f"{len(self)} failure(s):\n{shown}{more}"


def in_turn(paths, cases):
    """(label, path, case) with the cases spread over the addresses in turn."""
    return [(*paths[index % len(paths)], case) for index, case in enumerate(cases)]


def where(label, path, description):
    shown = path if len(path) < 80 else f"{path[:60]}...({len(path)} characters)"
    return f"{label or '-'} {shown} [{description}]"


def query_cases(kind):
    """(description, query string, expected status): each hostile value in every parameter the
    address reads at once, then each hostile shape."""
    params = kind.params or ("q", "page")
    values = HOSTILE_VALUES if kind.params else {name: HOSTILE_VALUES[name] for name in UNREAD_VALUES}
    cases = []
    for name, value in values.items():
        query = "&".join(f"{param}={value}" for param in params)
        cases.append((f"{name} in {', '.join(params)}", query, kind.special.get(name, kind.status)))
    for name, shape in HOSTILE_SHAPES.items():
        query = "&".join(dict.fromkeys(shape.format(p=param) for param in params))
        cases.append((name, query, kind.special.get(name, kind.status)))
    return cases


# -- the tests -------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", KINDS, ids=KIND_IDS)
def test_hostile_query_strings(site, kind):
    client = Client(raise_request_exception=False)  # a 500 is one more failure to report
    failures = Failures()
    paths = kind.paths(site)
    requests = in_turn(paths, query_cases(kind))
    if kind.searches_text:
        requests += [
            (label, path, (f"{name} in q alone", f"q={HOSTILE_VALUES[name]}", kind.status))
            for label, path in paths
            for name in TEXT_VALUES
        ]
    for label, path, (description, query, expected) in requests:
        response = client.get(f"{path}?{query}")
        failures.check(where(label, path, description), response, expected, kind.content_type)
    assert not failures, failures.report()


@pytest.mark.parametrize("kind", KINDS, ids=KIND_IDS)
def test_hostile_headers(site, kind):
    client = Client(raise_request_exception=False)  # a 500 is one more failure to report
    failures = Failures()
    paths = kind.paths(site)
    cases = [(name, headers, kind.status) for name, headers in HOSTILE_HEADERS.items()]
    cases += [(f"Host {name}", {"HTTP_HOST": host}, 400) for name, host in BAD_HOSTS.items()]
    cases += [(f"Host {name}", {"HTTP_HOST": host}, kind.status) for name, host in GOOD_HOSTS.items()]
    for label, path, (description, headers, expected) in in_turn(paths, cases):
        response = client.get(path, **headers)
        failures.check(where(label, path, description), response, expected, kind.content_type)
    assert not failures, failures.report()


@pytest.mark.parametrize("kind", KINDS, ids=KIND_IDS)
def test_methods(site, kind):
    # A browser's POST from another site carries no CSRF token; this client enforces the check.
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    failures = Failures()
    for label, path, method in in_turn(kind.paths(site), ["HEAD", *METHODS]):
        # Markup in the body too: a TRACE that echoed the request would show it.
        response = client.generic(method, path, f"q={MARKUP}", content_type="application/x-www-form-urlencoded")
        expected = kind.status if method == "HEAD" else kind.methods_status or kind.status
        failures.check(where(label, path, method), response, expected)
    assert not failures, failures.report()


def test_post_with_a_csrf_token_is_refused_too(site):
    """The 405 is about the method, not the token: a form that carries one gets it as well."""
    client = Client(enforce_csrf_checks=True)
    token = "a" * 32
    client.cookies["csrftoken"] = token
    response = client.post(url_in(site["library"], "es"), {"csrfmiddlewaretoken": token, "q": "a"})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"


def test_pages_behind_a_password_still_take_it(site):
    """Wagtail's password form is the one public form: its POST is not refused."""
    from wagtail.models import PageViewRestriction

    page = site["standard"]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="open sesame"
    )
    client = Client(enforce_csrf_checks=True)
    address = url_in(page, "fr")
    form = client.get(address)
    assert form.status_code == 200
    assert "Body of What We Do" not in form.content.decode()
    response = client.post(
        f"/fr/_util/authenticate_with_password/{restriction.pk}/{page.pk}/",
        {"csrfmiddlewaretoken": client.cookies["csrftoken"].value, "password": "open sesame", "return_url": address},
    )
    assert response.status_code == 302
    assert response["Location"] == address
    assert "Body of What We Do in Français" in client.get(address).content.decode()


@pytest.mark.parametrize(
    "language,title",
    [
        ("en", "Bad request"),
        ("es", "Solicitud incorrecta"),
        ("fr", "Requête incorrecte"),
        ("pt", "Requisição inválida"),
    ],
)
def test_a_refused_request_is_told_in_the_language_of_the_address(site, language, title):
    response = Client().get(url_in(site["library"], language), HTTP_HOST="evil.example.org")
    assert response.status_code == 400
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html
    assert "evil.example.org" not in html
