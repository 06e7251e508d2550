"""Editors' and translators' changes, made with the OLD code before it is replaced.

    cd <old checkout> && DJANGO_SETTINGS_MODULE=... DATABASE_URL=... MEDIA_ROOT=... \\
        PYTHONPATH=<scripts dir> python -m upgrade_check.edits REPORT.json

Written to run on any version of the site: it uses only long-stable APIs (`wagtail.models.Page`
and `Revision`, `get_image_model()`, `get_document_model()`, `Redirect`, snippet registration,
`django.apps.apps`), finds pages by what they have (a Spanish teaser, children) rather than by
type, and sets a translated field only where the model has it. Each edit runs in its own
transaction; one that cannot be made is skipped and listed in the report, the others still run.
Deterministic: the same database gives the same edits.
"""

import io
import json
import sys
import traceback

MARK = "[upgrade check]"
PASSWORD = "upgrade-check-only"  # noqa: S105 (throwaway users of a throwaway database)


def has_field(obj, name):
    try:
        obj._meta.get_field(name)
    except Exception:
        return False
    return True


def first_field(obj, names):
    return next((name for name in names if has_field(obj, name)), None)


class Edits:
    def __init__(self):
        from django.contrib.auth import get_user_model
        from wagtail.models import Page

        self.Page = Page
        self.User = get_user_model()
        self.used = set()  # pages already edited: each edit takes its own
        self.editor = self.User.objects.filter(is_superuser=True).order_by("pk").first()

    def live_page(self, test=lambda page: True):
        """The first live page (tree order, below the site root) not used yet that passes `test`."""
        for page in self.Page.objects.live().filter(depth__gte=3).order_by("path").specific():
            if page.pk not in self.used and test(page):
                self.used.add(page.pk)
                return page
        raise LookupError("no live page fits")

    # -- the edits, in the order they run --------------------------------------------------
    def users(self):
        from django.contrib.auth.models import Group

        made = []
        for username, superuser, groups in [
            ("upgrade-admin", True, []),
            ("upgrade-editor", False, ["Editors"]),
            ("upgrade-translator", False, ["Translators", "Translators: Spanish"]),
        ]:
            make = self.User.objects.create_superuser if superuser else self.User.objects.create_user
            user = make(username=username, email=f"{username}@example.org", password=PASSWORD)
            if not superuser:
                user.is_staff = True
                user.save()
            user.groups.set(Group.objects.filter(name__in=groups))
            made.append(f"{username} ({', '.join(user.groups.values_list('name', flat=True)) or 'superuser'})")
        self.editor = self.User.objects.get(username="upgrade-admin")
        self.translator = self.User.objects.get(username="upgrade-translator")
        return "users " + "; ".join(made)

    def draft(self):
        """A new draft revision of a live page with changed Spanish text (not published)."""
        page = self.live_page(lambda p: first_field(p, ["intro_es", "teaser_es"]))
        field = first_field(page, ["intro_es", "teaser_es"])
        setattr(page, field, f"{getattr(page, field) or ''} {MARK} borrador sin publicar".strip())
        page.save_revision(user=self.editor)
        return f"draft of {page.url_path}: {field} changed, not published"

    def image(self):
        """An uploaded image (Pillow-made) with translated alt text."""
        from django.core.files.images import ImageFile
        from PIL import Image, ImageDraw
        from wagtail.images import get_image_model

        picture = Image.new("RGB", (960, 640), (29, 91, 79))
        draw = ImageDraw.Draw(picture)
        for i in range(8):
            draw.ellipse((60 * i, 40 * i, 60 * i + 300, 40 * i + 300), fill=(200 - 15 * i, 120, 70 + 10 * i))
        buffer = io.BytesIO()
        picture.save(buffer, "JPEG", quality=80)
        model = get_image_model()
        image = model(title=f"{MARK} market stall", file=ImageFile(buffer, name="upgrade-check-market.jpg"))
        texts = {
            "en": "A market stall at dawn",
            "es": "Un puesto de mercado al amanecer",
            "fr": "Un étal de marché à l'aube",
            "pt": "Uma banca de mercado ao amanhecer",
        }
        for code, text in texts.items():
            if has_field(image, f"description_{code}"):
                setattr(image, f"description_{code}", text)
        if has_field(image, "credit"):
            image.credit = "Upgrade check"
        image.save()
        self.new_image = image
        return f"image {image.pk} uploaded ({image.file.name}), alt text in {', '.join(texts)}"

    def document(self):
        from django.core.files.base import ContentFile
        from wagtail.documents import get_document_model

        body = b"Upgrade check document\nA plain text file uploaded with the old code.\n" * 20
        document = get_document_model()(title=f"{MARK} meeting notes", file=ContentFile(body, name="upgrade-notes.txt"))
        document.save()
        return f"document {document.pk} uploaded ({document.file.name})"

    def publish(self):
        """A translated field changed and published, with the new image as listing image."""
        page = self.live_page(lambda p: has_field(p, "teaser_fr"))
        page.teaser_fr = f"{page.teaser_fr or ''} {MARK} publié".strip()
        if has_field(page, "listing_image") and getattr(self, "new_image", None):
            page.listing_image = self.new_image
        page.save_revision(user=self.editor).publish(user=self.editor)
        return f"published {page.url_path} with a new French teaser"

    def rename(self):
        """A section renamed in English (slug_en) and published: its old addresses redirect."""
        from wagtail.contrib.redirects.models import Redirect

        before = Redirect.objects.count()
        page = self.live_page(lambda p: has_field(p, "slug_en") and p.get_children().live().exists())
        new_slug = f"{page.slug_en}-renamed"
        page.slug_en = new_slug
        page.slug = new_slug
        page.save_revision(user=self.editor).publish(user=self.editor)
        made = Redirect.objects.count() - before
        return f"renamed {page.url_path} (slug_en {new_slug}); {made} redirects created"

    def move(self):
        """A leaf page moved under a sibling that accepts it (its old addresses redirect)."""
        for page in self.Page.objects.live().filter(depth__gte=3).order_by("path").specific():
            if page.pk in self.used or not page.is_leaf():
                continue
            for target in page.get_siblings(inclusive=False).live().order_by("path").specific():
                if page.can_move_to(target):
                    self.used.add(page.pk)
                    old = page.url_path
                    page.move(target, pos="last-child", user=self.editor)
                    page.refresh_from_db()
                    return f"moved {old} to {page.url_path}"
        raise LookupError("no leaf page has a sibling that accepts it")

    def snippet(self):
        """A translated snippet's Spanish name changed (saved directly: snippets have no drafts)."""
        from wagtail.snippets.models import get_snippet_models

        for model in sorted(get_snippet_models(), key=lambda m: m._meta.label):
            if has_field(model, "name_es"):
                obj = model.objects.order_by("pk").first()
                if obj is not None:
                    obj.name_es = f"{obj.name_es or obj.name} (editado)"
                    obj.save()
                    return f"{model._meta.model_name} {obj.pk}: name_es is now {obj.name_es!r}"
        raise LookupError("no snippet with a Spanish name")

    def site_settings(self):
        """The site settings' Portuguese footer changed."""
        from django.apps import apps

        for model in apps.get_models():
            if has_field(model, "footer_text_pt") and model.objects.exists():
                obj = model.objects.order_by("pk").first()
                obj.footer_text_pt = f"{obj.footer_text_pt or ''} {MARK} rodapé".strip()
                obj.save()
                return f"{model._meta.model_name}: footer_text_pt changed"
        raise LookupError("no settings with a Portuguese footer")

    def submit_for_review(self):
        """A translator's Spanish draft submitted to the page's workflow (left in moderation)."""
        page = self.live_page(lambda p: has_field(p, "teaser_es") and p.get_workflow() is not None)
        page.teaser_es = f"{page.teaser_es or ''} {MARK} para revisar".strip()
        page.save_revision(user=self.translator)
        workflow = page.get_workflow()
        workflow.start(page, self.translator)
        return f"{page.url_path} submitted to {workflow.name!r} by {self.translator.get_username()}"


ORDER = ["users", "draft", "image", "document", "publish", "rename", "move", "snippet", "site_settings"]
ORDER += ["submit_for_review"]


def main(argv):
    import django

    django.setup()
    from django.conf import settings
    from django.db import transaction

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # workflow notifications
    from django.utils import translation

    edits = Edits()
    report = {"done": [], "skipped": []}
    for name in ORDER:
        try:
            with transaction.atomic(), translation.override("en"):
                message = getattr(edits, name)()
            report["done"].append(message)
            print(f"  edit {name}: {message}")
        except Exception as error:  # an edit the old code cannot make is reported, not fatal
            report["skipped"].append(f"{name}: {type(error).__name__}: {error}")
            print(f"  edit {name} SKIPPED: {type(error).__name__}: {error}", file=sys.stderr)
            traceback.print_exc(limit=4)
    if len(argv) > 1:
        with open(argv[1], "w", encoding="utf-8") as handle:
            json.dump(report, handle, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main(sys.argv)
