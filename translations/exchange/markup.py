"""The markup a translation of rich text may hold: what Wagtail's rich text editor writes for
paragraphs, bold, italic, links and lists, and nothing that runs code."""

from html.parser import HTMLParser

ALLOWED_TAGS = {"p", "br", "b", "i", "strong", "em", "a", "ol", "ul", "li"}
ALLOWED_ATTRIBUTES = {"a": {"href", "linktype", "id"}}
ANY_TAG_ATTRIBUTES = {"data-block-key"}  # the editor's block keys
UNSAFE_SCHEMES = ("javascript:", "data:", "vbscript:")


class _MarkupCheck(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag not in ALLOWED_TAGS:
            self.problems.append(f"<{tag}>")
            return
        allowed = ALLOWED_ATTRIBUTES.get(tag, set()) | ANY_TAG_ATTRIBUTES
        for name, value in attrs:
            if name not in allowed:
                self.problems.append(f'<{tag} {name}="…">')
            elif name == "href" and (value or "").strip().lower().startswith(UNSAFE_SCHEMES):
                self.problems.append(f'<{tag} href="{(value or "")[:20]}…">')

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)


def markup_problems(html: str) -> list[str]:
    """The tags and attributes of `html` that are not allowed, as short descriptions."""
    checker = _MarkupCheck()
    checker.feed(html)
    checker.close()
    return checker.problems
