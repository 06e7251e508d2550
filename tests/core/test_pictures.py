"""Every image is a <picture>: AVIF and WebP sources and a JPEG fallback at several widths, with
sizes, width and height, lazy unless it is the page's main image."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image as PILImage

from tests.helpers import make_image, url_in


def photo(size, title="Market"):
    return make_image(
        title,
        size=size,
        credit="Demo credit",
        description_en="Women selling vegetables",
        description_es="Mujeres vendiendo verduras",
    )


def pictures(html):
    return re.findall(r"<picture>.*?</picture>", html, re.S)


@pytest.mark.django_db
def test_lead_image_is_an_eager_picture_with_three_formats(client, site_tree):
    page = site_tree["standard"]
    page.lead_image = photo((1400, 900))
    page.save_revision().publish()

    html = client.get(url_in(page, "es")).content.decode()
    (picture,) = pictures(html)
    avif, webp = re.findall(r'<source type="(image/[a-z]+)" srcset="([^"]+)" sizes="[^"]+">', picture)
    assert avif[0] == "image/avif" and webp[0] == "image/webp"
    for _type, srcset in (avif, webp):
        assert [int(w) for w in re.findall(r" (\d+)w", srcset)] == [400, 640, 960, 1280]
    # The files behind them really are AVIF and WebP (made by the site's Pillow build).
    for (_type, srcset), expected in ((avif, "AVIF"), (webp, "WEBP")):
        for url in re.findall(r"(\S+) \d+w", srcset):
            with PILImage.open(Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)) as file:
                assert file.format == expected, url
    img = re.search(r"<img [^>]+>", picture).group(0)
    assert re.search(r'src="[^"]+\.jpg"', img)
    assert 'width="400" height="257"' in img
    assert 'alt="Mujeres vendiendo verduras"' in img
    assert 'loading="eager"' in img and 'fetchpriority="high"' in img
    assert "Foto: Demo credit" in html


@pytest.mark.django_db
def test_small_images_repeat_no_width_and_cards_are_lazy_and_decorative(client, site_tree):
    programme = site_tree["programme"]
    programme.listing_image = photo((300, 200), title="Small")
    programme.save_revision().publish()

    html = client.get(url_in(site_tree["programme_index"], "en")).content.decode()
    (picture,) = pictures(html)
    for srcset in re.findall(r'srcset="([^"]+)"', picture):
        widths = re.findall(r" (\d+)w", srcset)
        assert widths == sorted(set(widths), key=int)  # one candidate per width
    img = re.search(r"<img [^>]+>", picture).group(0)
    assert 'alt=""' in img and 'loading="lazy"' in img and "fetchpriority" not in img
    assert re.search(r'width="\d+" height="\d+"', img)
