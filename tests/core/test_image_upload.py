"""Uploading images in the admin: a decompression bomb (a small file that would decode to a
huge image) is a form error in the editor's language, never a 500."""

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core.models import SiteImage
from demo.media import make_image_file
from tests.helpers import decompression_bomb_png, logged_in, make_user

pytestmark = pytest.mark.django_db

# The admin languages (Portuguese uses Wagtail's pt-br catalogue) and the error each shows.
TOO_MANY_PIXELS = {
    "en": "This image has too many pixels (at most 40000000).",
    "es": "Esta imagen tiene demasiados píxeles (como máximo 40000000).",
    "fr": "Cette image a trop de pixels (40000000 au maximum).",
    "pt-br": "Esta imagem tem pixels demais (no máximo 40000000).",
}
ADD, ADD_MULTIPLE = "/admin/images/add/", "/admin/images/multiple/add/"


def upload(content, name="bomb.png"):
    return SimpleUploadedFile(name, content, "image/png")


def test_decompression_bomb_is_a_form_error_in_every_admin_language(django_user_model):
    bomb = decompression_bomb_png()  # 30,000 x 30,000 pixels
    assert len(bomb) < 150_000
    for language, message in TOO_MANY_PIXELS.items():
        client = logged_in(make_user(django_user_model, f"editor-{language}", superuser=True, admin_language=language))

        response = client.post(ADD, {"title": "Bomb", "file": upload(bomb)})
        assert response.status_code == 200, language
        assert message in html.unescape(response.content.decode()), language

        response = client.post(ADD_MULTIPLE, {"files[]": upload(bomb)}, HTTP_X_REQUESTED_WITH="XMLHttpRequest")
        assert response.status_code == 200, language
        assert response.json() == {"success": False, "error_message": message}, language
    assert not SiteImage.objects.exists()


def test_images_within_the_limits_are_still_judged_as_before(admin_client):
    # Above the site's limit (40 million) but not a bomb to Pillow: Wagtail's own message.
    response = admin_client.post(ADD, {"title": "Large", "file": upload(decompression_bomb_png(7000, 7000))})
    assert response.status_code == 200
    assert "This file has too many pixels (49000000). Maximum pixels 40000000." in response.content.decode()
    # An ordinary photo is saved.
    photo = SimpleUploadedFile("market.jpg", make_image_file("#336699", "Market", (64, 48)), "image/jpeg")
    response = admin_client.post(ADD, {"title": "Market", "file": photo})
    assert response.status_code == 302
    assert SiteImage.objects.filter(title="Market", width=64, height=48).exists()
