"""Helpers shared by the tests, in one module (test modules import from here, never from each
other): a page's addresses and what it shows, the admin's page editor as a browser posts it,
users in the site's roles, files and images to attach, and the browser tests' tools."""

import json
import os
import re
import struct
import zlib
from contextlib import contextmanager
from pathlib import Path

import polib
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.html import strip_tags
from lxml import etree
from pytest import raises as pytest_raises
from wagtail.test.utils.form_data import querydict_from_html, rich_text, streamfield

from places.models import Region
from standard_pages.models import StandardPage
from translations.exchange import export, importing
from translations.exchange.entries import TranslationFileError

LANGUAGES = ["en", "es", "fr", "pt"]
# The keys of the `site_tree` fixture: one page of every type.
PAGE_KEYS = [
    "home",
    "standard",
    "programme_index",
    "programme",
    "initiative_index",
    "initiative",
    "impact_index",
    "impact",
    "library",
    "publication",
    "worker_group_index",
    "worker_group",
    "city_index",
    "city",
]


# -- a page's addresses and what it shows ---------------------------------------------------


def url_in(page, language):
    """The page's path in a language, e.g. /es/programas/proteccion-social/."""
    with translation.override(language):
        return page.url


def full_url(page, language):
    """The page's absolute address in a language, from the Site record."""
    with translation.override(language):
        return page.get_full_url()


def card_titles(html):
    """The titles of the listing cards on a page, in order."""
    return re.findall(r'<h[23] class="card__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)


def switcher_hrefs(html):
    """{language: href} of the language switcher."""
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" hreflang="(\w+)"', nav)}


def public_page(client, page, language):
    """The page as visitors in `language` get it, without the data-block-key attributes Wagtail's
    rich text editor adds to paragraphs (those the factories wrote have none until edited)."""
    response = client.get(url_in(page, language))
    assert response.status_code == 200, (language, response.status_code)
    return re.sub(r' data-block-key="[^"]*"', "", response.content.decode())


def visible_text(html):
    """The <title> and the <main> part of a public page: what a visitor reads (the <head> also
    carries publication metadata, such as the time of the last publish, which any save changes)."""
    soup = BeautifulSoup(html, "html.parser")
    return f"{soup.title}\n{soup.find('main')}"


# -- the page editor, as a browser posts it ------------------------------------------------

FORM_ID = "page-edit-form"  # <form id="page-edit-form"> of the admin's create and edit views
SNIPPET_FORM_ID = "w-editor-form"  # the snippet editor's form


def add_url(model, parent):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def editor_paragraph(text):
    """A StreamField body of one paragraph, in the page editor's form format (for
    `nested_form_data({"body_es": editor_paragraph("...")})`)."""
    from core.blocks import RICH_TEXT_FEATURES

    return streamfield([("paragraph", rich_text(f"<p>{text}</p>", features=RICH_TEXT_FEATURES))])


def paragraphs_of(body):
    """[(block type, text)] of a stored StreamField, ignoring markup such as data-block-key."""
    return [(block.block_type, strip_tags(block.value.source)) for block in body]


def stream_form_data(name, blocks):
    """Form data for a StreamField's blocks as the admin renders them (`{"type", "value", "id"}`
    each, the value already in the editor's format), as the admin's JavaScript would post them."""
    data = {f"{name}-count": str(len(blocks))}
    for index, block in enumerate(blocks):
        assert isinstance(block["value"], str), f"only simple blocks are supported here: {block}"
        prefix = f"{name}-{index}"
        data.update(
            {
                f"{prefix}-type": block["type"],
                f"{prefix}-value": block["value"],
                f"{prefix}-id": block.get("id") or "",
                f"{prefix}-deleted": "",
                f"{prefix}-order": str(index),
            }
        )
    return data


def read_form(response, form_id=FORM_ID):
    """What a browser would submit from the page editor in `response`, before any change."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    data = querydict_from_html(html, form_id=form_id)
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    # Two things browsers do that querydict_from_html does not: drop the newline that opens a
    # <textarea>, and send "on" for a ticked checkbox without a value.
    for textarea in form.find_all("textarea", attrs={"name": True}):
        data[textarea["name"]] = data[textarea["name"]].removeprefix("\n")
    for box in form.find_all("input", type="checkbox", checked=True, attrs={"name": True}):
        if "value" not in box.attrs:
            data.setlist(box["name"], ["on" if value == "" else value for value in data.getlist(box["name"])])
    # StreamFields are drawn by JavaScript from their current blocks, kept in a data attribute.
    for widget in form.find_all(attrs={"data-controller": "w-block"}):
        blocks, _errors = json.loads(widget["data-w-block-arguments-value"])
        for key, value in stream_form_data(widget["id"], blocks).items():
            data[key] = value
    return data


def post_form(client, url, changes, publish=True, action=None):
    """Open the create or edit view at `url`, change what the editor changes, submit it with the
    publish button (or `action`, e.g. "action-submit"; `publish=False` saves a draft)."""
    data = read_form(client.get(url))
    for key, value in changes.items():
        data[key] = value
    if action:
        data[action] = action
    elif publish:
        data["action-publish"] = "action-publish"
    return client.post(url, data)


def form_errors(response):
    """The error messages of a form the admin sent back, for assertion messages."""
    soup = BeautifulSoup(response.content, "html.parser")
    return [node.get_text(" ", strip=True) for node in soup.select(".error-message, [data-field-errors]")]


def field_errors(response, field_name):
    soup = BeautifulSoup(response.content, "html.parser")
    field = soup.find(attrs={"data-contentpath": field_name})
    assert field is not None, f"no field {field_name} in the form"
    return field.select_one("[data-field-errors]").get_text(" ", strip=True)


def locked_fields(response):
    """Names of the fields the form shows read-only to a translator."""
    soup = BeautifulSoup(response.content, "html.parser")
    return {div["data-locked-field"] for div in soup.select("[data-locked-field]")}


def editable_fields(response):
    """Names of the fields of the form a person can change (hidden inputs aside)."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", id=FORM_ID) or soup.find("form")
    return {
        tag["name"] for tag in form.select("input[name], textarea[name], select[name]") if tag.get("type") != "hidden"
    }


# -- people in the site's roles -------------------------------------------------------------


def make_user(django_user_model, name, *groups, admin_language=None, superuser=False):
    """A user in the named groups (those the migration creates: "Translators", "Translators:
    Spanish", "Editors", "Moderators", ...), with the admin in `admin_language` if given."""
    from django.contrib.auth.models import Group
    from wagtail.users.models import UserProfile

    create = django_user_model.objects.create_superuser if superuser else django_user_model.objects.create_user
    user = create(name, f"{name}@example.org", "password")
    found = Group.objects.filter(name__in=groups)
    assert found.count() == len(groups), f"unknown groups among {groups}"
    user.groups.set(found)
    if admin_language:
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = admin_language
        profile.save()
    return user


def logged_in(user):
    """A test client of its own, logged in as `user`."""
    from django.test import Client

    client = Client()
    client.force_login(user)
    return client


# -- files and images -----------------------------------------------------------------------


def make_image(title="Market", colour="#336699", size=(64, 48), **fields):
    """A saved site image with a generated JPEG (the demo content's picture maker)."""
    from core.models import SiteImage
    from demo.media import make_image_file

    upload = SimpleUploadedFile(f"{title.lower().replace(' ', '-')}.jpg", make_image_file(colour, title, size))
    return SiteImage.objects.create(title=title, file=upload, **fields)


def make_document(title, filename, content=b"%PDF-1.4\n%%EOF\n"):
    """A saved Wagtail document holding `content`."""
    from wagtail.documents.models import Document

    document = Document(title=title)
    document.file.save(filename, ContentFile(content), save=False)
    document.save()
    return document


def decompression_bomb_png(width=30_000, height=30_000):
    """A valid one-colour PNG of width by height pixels that weighs about 100 kB (30,000 square):
    1-bit greyscale rows of zeros, compressed in blocks so that it takes well under a second."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" * (1 + (width + 7) // 8)  # filter byte "none", then the row's bits
    compressor = zlib.compressobj(9)
    idat = [compressor.compress(row * 1000) for _ in range(height // 1000)]
    idat += [compressor.compress(row * (height % 1000)), compressor.flush()]
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1 bit, greyscale
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", b"".join(idat)) + chunk(b"IEND", b"")


def publication_file(title, filename, language, content=b"%PDF-1.4\n%%EOF\n"):
    """A publication's file in a language (unsaved: assign it to `page.files`)."""
    from publications.models import PublicationFile

    return PublicationFile(document=make_document(title, filename, content), language=language)


# -- the browser tests (tests/browser/) -----------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
NODE_MODULES = ROOT / "node_modules"
AXE_SOURCE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
OUTPUT = ROOT / "test-output"
SCREENSHOTS = OUTPUT / "screenshots"

# Page types as visitors meet them: the keys of the demo page that stands for each.
# The section pages built on the demo content (news, blog, people, ...): checked in the browser.
SECTION_PAGE_KEYS = ["news_index", "news", "blog_index", "blog_post", "people_index", "person"]
PAGE_TYPES = [*PAGE_KEYS, *SECTION_PAGE_KEYS, "contact", "search", "not_found", "events", "past_events", "event"]
WIDTHS = {"phone": (360, 740), "desktop": (1280, 900)}


def require(path, fix):
    """Fail (never skip) when a tool the browser tests need is missing."""
    import pytest

    if not Path(path).exists():
        pytest.fail(f"{path} is missing: run `{fix}` (make test does it).", pytrace=False)


def run_axe(page, axe_source):
    """axe-core's WCAG 2.0/2.1/2.2 A and AA rules on the page; its violations. The source is
    evaluated in the page (not added as a <script> element), so no CSP can block it."""
    page.evaluate(axe_source)
    return page.evaluate(
        """async () => {
            const results = await axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]},
                resultTypes: ["violations"],
            });
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }"""
    )


def outside_event_loop(work):
    """Run ORM work in a thread of its own: Playwright's sync API runs an event loop in the test's
    thread, where Django refuses ORM calls."""
    import threading

    result, errors = {}, []

    def run():
        try:
            result["value"] = work()
        except Exception as error:
            errors.append(error)
        finally:
            from django.db import connection

            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if errors:
        raise errors[0]
    return result["value"]


# Added to every document a browser context opens (frames included): records what the
# Content-Security-Policy refused, read back with `csp_violations(page)`.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => window.__cspViolations.push(
    `${event.effectiveDirective} refused ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`));
"""


def csp_violations(page):
    """What the policy refused so far in every frame of `page` (see RECORD_CSP_VIOLATIONS)."""
    found = []
    for frame in page.frames:
        found += [f"{frame.url}: {item}" for item in frame.evaluate("window.__cspViolations || []")]
    return found


# -- loops over cases inside one test -------------------------------------------------------


@contextmanager
def case(description):
    """Names the case in a failure's message, for a test that loops over several cases because
    building its data costs far more than checking one (e.g. every language of one page)."""
    try:
        yield
    except AssertionError as error:
        raise AssertionError(f"[{description}] {error}") from error


# -- site search ---------------------------------------------------------------------------------
SEARCH_RESULT_LINK = re.compile(r'<h3 class="search-result__title"[^>]*><a href="([^"]+)">')
RECYCLERS_BODY = {
    "en": "Waste pickers recycle cardboard in Pune.",
    "es": "Las recicladoras separan cartón en Bogotá.",
    "fr": "Les récupératrices trient le papier à Dakar.",
    "pt": "As catadoras separam papelão em Belo Horizonte.",
}


def user_in_groups(django_user_model, name, *groups):
    """A user in the named groups (Translators, Translators: Spanish, Moderators...: made by the
    migrations), password "password"."""
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(name, f"{name}@example.org", "password")
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


def publish(page):
    page.save_revision().publish()
    return page


def search_page(client, language, query, **params):
    response = client.get(f"/{language}/search/", {"q": query, **params})
    assert response.status_code == 200
    return response


def found(client, language, query, **params):
    """Addresses of the search results, in order."""
    return SEARCH_RESULT_LINK.findall(search_page(client, language, query, **params).content.decode())


def result_item(html, url):
    """The markup of the search result that links to `url`."""
    for item in html.split('<li class="search-result')[1:]:
        if f'href="{url}"' in item:
            return item.split("</li>")[0]
    raise AssertionError(f"{url} is not among the results")


def recyclers_page(parent, **kwargs):
    """A published page with a different text in each language (RECYCLERS_BODY)."""
    from tests import factories

    body = {f"body_{code}": factories.paragraph(text) for code, text in RECYCLERS_BODY.items()}
    return publish(factories.StandardPageFactory(parent=parent, name="Recyclers", **body, **kwargs))


def snippet_edit_url(obj):
    return f"/admin/snippets/{obj._meta.app_label}/{obj._meta.model_name}/edit/{obj.pk}/"


def post_snippet(client, obj, changes, action=None):
    """Open a snippet's editor, change what the editor changes and press a button: None "Save
    draft", "submit" ("Submit for moderation"), "publish"."""
    url = snippet_edit_url(obj)
    data = read_form(client.get(url), form_id=SNIPPET_FORM_ID)
    for key, value in changes.items():
        data[key] = value
    if action:
        data[f"action-{action}"] = f"action-{action}"
    return client.post(url, data)


# -- translation files (PO, XLIFF) ------------------------------------------------------------
XLIFF_NAMESPACES = {"x": "urn:oasis:names:tc:xliff:document:2.0"}
NS = XLIFF_NAMESPACES


def english_body(photo, link):
    return [
        {
            "type": "paragraph",
            "value": '<p>Street vendors <b>organise</b>. <a href="https://example.org">More</a></p>',
            "id": "p1",
        },
        {"type": "heading", "value": {"text": "Who we are", "level": "h3"}, "id": "h1"},
        {
            "type": "key_figures",
            "value": [
                {"type": "item", "value": {"figure": "61%", "label": "of workers are informal"}, "id": "k1"},
                {"type": "item", "value": {"figure": "2 billion", "label": "informal workers"}, "id": "k2"},
            ],
            "id": "kf",
        },
        {"type": "quote", "value": {"text": "We are workers", "attribution": "A vendor"}, "id": "q1"},
        {
            "type": "call_to_action",
            "value": {"heading": "Read more", "text": "In the library", "page": link.pk, "url": "", "link_text": "Go"},
            "id": "c1",
        },
        {"type": "image", "value": {"image": photo.pk, "caption": "Vendors at the market"}, "id": "i1"},
    ]


def translate(text, language):
    """A fake translation that keeps rich text markup: every run of text gets a language prefix."""
    if text.startswith("<"):
        return re.sub(r">([^<]+)<", lambda match: f">{language}: {match[1]}<", text)
    return f"{language}: {text}"


def fill_po(text, language, only=None):
    po = polib.pofile(text)
    for entry in po:
        if only is None or entry.msgctxt.endswith(only):
            entry.msgstr = translate(entry.msgid, language)
    return str(po).encode()


def fill_xliff(text, language):
    root = etree.fromstring(text.encode())
    for segment in root.iterfind(".//x:segment", NS):
        target = segment.find("x:target", NS)
        if target is None:
            target = etree.SubElement(segment, f"{{{XLIFF_NAMESPACES['x']}}}target")
        target.text = translate(segment.find("x:source", NS).text, language)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def latest(page):
    fresh = StandardPage.objects.get(pk=page.pk)
    return fresh.get_latest_revision().as_object() if fresh.latest_revision_id else fresh


def snapshot(*pages):
    """What an import could change: revisions and every language's columns of the pages."""
    state = {"revisions": sum(page.revisions.count() for page in pages)}
    for page in pages:
        fresh = StandardPage.objects.get(pk=page.pk)
        for code in ("en", "es", "fr", "pt"):
            for name in ("title", "teaser", "intro", "body"):
                value = getattr(fresh, f"{name}_{code}")
                state[(page.pk, name, code)] = list(value.raw_data) if hasattr(value, "raw_data") else value
    state["regions"] = sorted(Region.objects.values_list("pk", "name_es", "name_fr"))
    return state


def refuse(content, language, user, *pages, name="", expect=""):
    before = snapshot(*pages)
    with pytest_raises(TranslationFileError) as raised:
        importing.import_file(content, language, user, name=name)
    assert snapshot(*pages) == before
    assert any(expect in error for error in raised.value.errors), raised.value.errors
    return raised.value.errors


def valid_and(vendors, extra, language="es"):
    """A filled export of `vendors` plus one more PO entry."""
    po = polib.pofile(fill_po(export.export_file(export.PAGE, language, page=vendors), language).decode())
    if extra is not None:
        po.append(extra)
    return str(po).encode()


def bulk_pages(parent, model, count, **fields):
    """`count` live pages of `model` under `parent` (which has no children yet), inserted in
    bulk: the tree rows in one statement, then each page's own row, without revisions, signals or
    search entries (a thousand pages made one by one through the tree take minutes). For query
    budgets at scale; the pages have English titles and slugs only."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    content_type = ContentType.objects.get_for_model(model)
    rows = []
    for step in range(1, count + 1):
        slug = f"{parent.slug}-{step}"
        title = f"{model.__name__} {slug}"
        rows.append(
            Page(
                title=title,
                title_en=title,
                draft_title=title,
                slug=slug,
                slug_en=slug,
                live=True,
                content_type=content_type,
                locale_id=parent.locale_id,
                depth=parent.depth + 1,
                path=Page._get_path(parent.path, parent.depth + 1, step),
                url_path=f"{parent.url_path}{slug}/",
                url_path_en=f"{parent.url_path_en}{slug}/",
            )
        )
    pages = Page.objects.bulk_create(rows)
    Page.objects.filter(pk=parent.pk).update(numchild=count)
    for page in pages:
        own = model(page_ptr_id=page.pk, **fields)
        own._save_table(raw=True, cls=model, force_insert=True)
    return pages
