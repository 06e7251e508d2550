"""Template tags for the "Cite this" block of a publication."""

from django import template
from django.utils import translation

from core import page_languages as languages
from publications import citations

register = template.Library()


@register.simple_tag(takes_context=True)
def cite_this(context, page):
    """The citation to copy and the addresses of its BibTeX and RIS downloads.

    The editor's own citation (`page.citation`) wins over the generated one; `lang` is set when
    the text is not in the visitor's language (English fallback).
    """
    active = translation.get_language()
    if languages.is_filled(page.citation):
        text = page.citation
        lang = languages.displayed_language(page, "citation")
    else:
        reference = citations.reference_for(page, context.get("request"))
        text = citations.citation_text(reference)
        lang = reference.language
    return {
        "text": text,
        "lang": "" if lang == active else lang,
        "bibtex_url": citations.download_url(page, "bib"),
        "ris_url": citations.download_url(page, "ris"),
    }
