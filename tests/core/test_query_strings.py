"""Free text from query strings, cleaned by one function before any view uses it."""

import pytest

from core.query_strings import MAX_TEXT_LENGTH, clean_free_text


@pytest.mark.parametrize(
    "raw,clean",
    [
        ("  informal \t\n workers ", "informal workers"),
        ("street\x00vendors", "street vendors"),  # PostgreSQL refuses a NUL in a query
        ("a\x01b\x1fc\x7fd\x85e", "a b c d e"),  # C0, DEL and C1 control characters
        ("\x00\x01", ""),
        ("cart\ud800ón", "cartón"),  # a lone surrogate cannot be encoded for the database
        ("\udfff", ""),
        ("\ufffd\ufffd", ""),  # what %ED%A0%80 or %FF becomes when the address is decoded
        ("zero\u200bwidth \u202eright-to-left\u202c", "zerowidth right-to-left"),
        ("economi\u0301a", "economía"),  # NFC: an accent typed as a separate mark
        ("trabajadoras\u00a0\u2028del hogar", "trabajadoras del hogar"),
        ("👩🏽 عمال 女性", "👩🏽 عمال 女性"),
    ],
)
def test_clean_free_text(raw, clean):
    assert clean_free_text(raw) == (clean, False)


def test_long_text_is_cut_and_says_so():
    assert clean_free_text("a" * MAX_TEXT_LENGTH) == ("a" * MAX_TEXT_LENGTH, False)
    assert clean_free_text("a" * (MAX_TEXT_LENGTH + 1)) == ("a" * MAX_TEXT_LENGTH, True)
    text, was_shortened = clean_free_text(("word " * 2000) + "\x00" * 10_000)
    assert was_shortened and len(text) <= MAX_TEXT_LENGTH and not text.endswith(" ")
    assert clean_free_text("x" * 500, max_length=100) == ("x" * 100, True)


def test_anything_but_text_is_no_text():
    assert clean_free_text(None) == ("", False)
    assert clean_free_text(["a"]) == ("", False)
