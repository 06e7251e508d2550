"""The markup a rich text translation may hold (checked before an import writes anything)."""

import pytest

from translations.exchange.markup import markup_problems


@pytest.mark.parametrize(
    "html",
    [
        "<p>Plain <b>bold</b> <i>italic</i> <strong>strong</strong> <em>em</em><br/></p>",
        '<p data-block-key="a1b2c"><a href="https://example.org">link</a> <a linktype="page" id="3">page</a></p>',
        "<ul><li>one</li></ul><ol><li>two</li></ol>",
        "No markup at all &amp; an entity",
    ],
)
def test_what_the_editor_writes_is_allowed(html):
    assert markup_problems(html) == []


@pytest.mark.parametrize(
    ("html", "problem"),
    [
        ("<p>Hola<script>alert(1)</script></p>", "<script>"),
        ('<p><img src="x.png"></p>', "<img>"),
        ('<p class="lead">x</p>', '<p class="…">'),
        ('<a href="javascript:alert(1)">x</a>', '<a href="javascript:alert(1)…">'),
        ('<a href=" DATA:text/html,x">x</a>', '<a href=" DATA:text/html,x…">'),
        ('<p onclick="x()">x</p>', '<p onclick="…">'),
    ],
)
def test_other_markup_is_named(html, problem):
    assert problem in markup_problems(html)
