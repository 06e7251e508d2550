"""Responsive pictures: every image on the site is a <picture> with AVIF and WebP sources and a
JPEG fallback, each at several widths, with `sizes`, explicit width and height, and lazy loading
unless it is the page's main image.

A shape names where an image sits in the layout, so the widths made for it and the `sizes` the
browser picks with match the CSS (`static/css/site.css`). Wagtail's `{% picture %}` tag lists
every rendition it makes; an image narrower than the widest spec gives several renditions of the
same width, which would repeat a width descriptor in `srcset` (invalid HTML), so this module
keeps one rendition per width.
"""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from wagtail.images.shortcuts import get_renditions_or_not_found

from core.proxy_cache import keys as proxy_cache_keys

FORMATS = (("avif", "image/avif"), ("webp", "image/webp"))
FALLBACK = "jpeg"


@dataclass(frozen=True)
class Shape:
    resizes: tuple  # Wagtail resize operations, narrowest first
    sizes: str  # the `sizes` attribute: how wide the image is drawn at each viewport width


SHAPES = {
    # The home page's full-bleed banner (cropped to 2:1).
    "hero": Shape(("fill-480x240", "fill-800x400", "fill-1200x600", "fill-1600x800"), "100vw"),
    # Lead images and images in a page's body: the width of the article, 48rem at most.
    "wide": Shape(
        ("width-400", "width-640", "width-960", "width-1280"), "(min-width: 50rem) 48rem, calc(100vw - 2rem)"
    ),
    # A publication's cover beside its summary.
    "cover": Shape(("width-240", "width-360", "width-480", "width-720"), "(min-width: 40rem) 16rem, 60vw"),
    # Listing cards (16:9): one column on phones, two from 36rem, three from 56rem, max 72rem wide.
    "card": Shape(
        ("fill-320x180", "fill-480x270", "fill-640x360", "fill-800x450"),
        "(min-width: 72rem) 22rem, (min-width: 56rem) 30vw, (min-width: 36rem) 45vw, calc(100vw - 2rem)",
    ),
}


def _srcset(renditions):
    return ", ".join(f"{rendition.url} {rendition.width}w" for rendition in renditions)


def _one_per_width(renditions):
    by_width = {}
    for rendition in renditions:
        by_width.setdefault(rendition.width, rendition)
    return [by_width[width] for width in sorted(by_width)]


def picture_html(image, shape, *, eager=False, alt=None, css_class=""):
    """The <picture> element for `image` drawn as `shape`.

    `eager` marks the page's main image: loaded at once with high priority (every other image is
    lazy). `alt` overrides the image's own alt text (its translated description); pass "" for a
    decorative image whose meaning the text beside it already gives.
    """
    proxy_cache_keys.add(proxy_cache_keys.image_key(image.pk))
    layout = SHAPES[shape]
    specs = {
        fmt: [f"{resize}|format-{fmt}" for resize in layout.resizes] for fmt in (*(f for f, _ in FORMATS), FALLBACK)
    }
    renditions = get_renditions_or_not_found(image, [spec for group in specs.values() for spec in group])
    by_format = {fmt: _one_per_width(renditions[spec] for spec in group) for fmt, group in specs.items()}
    fallback = by_format[FALLBACK]
    # The smallest JPEG is the src of browsers without srcset; its size gives width and height
    # (the same ratio as every other rendition of this shape).
    base = fallback[0]
    attrs = {
        "src": base.url,
        "srcset": _srcset(fallback),
        "sizes": layout.sizes,
        "width": base.width,
        "height": base.height,
        "alt": image.default_alt_text if alt is None else alt,
        "loading": "eager" if eager else "lazy",
        "decoding": "async",
    }
    if eager:
        attrs["fetchpriority"] = "high"
    if css_class:
        attrs["class"] = css_class
    sources = format_html_join(
        "",
        '<source type="{}" srcset="{}" sizes="{}">',
        ((mime, _srcset(by_format[fmt]), layout.sizes) for fmt, mime in FORMATS),
    )
    img = format_html("<img{}>", format_html_join("", ' {}="{}"', attrs.items()))
    return format_html("<picture>{}{}</picture>", sources, img)
