import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand

from demo.admin_login import admin_password_file

DEMO_USERS = {"translator": ["Translators", "Translators: Spanish"], "moderator": ["Moderators"]}


class Command(BaseCommand):
    help = (
        "For local runs only: make sure a superuser 'admin' exists, and demo users 'translator' "
        "(Translators + Spanish) and 'moderator' (Moderators), and print how to log in. The "
        "password is generated once and kept in var/admin_password (not in git)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/", help="Admin address to print.")

    def handle(self, *args, **options):
        path = admin_password_file()
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(secrets.token_urlsafe(12))
        password = path.read_text().strip()
        user_model = get_user_model()
        user = user_model.objects.filter(username="admin").first()
        if user is None:
            user = user_model.objects.create_superuser("admin", "admin@example.org", password)
        elif not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        for username, groups in DEMO_USERS.items():
            demo = user_model.objects.filter(username=username).first()
            if demo is None:
                demo = user_model.objects.create_user(username, f"{username}@example.org", password)
            elif not demo.check_password(password):
                demo.set_password(password)
                demo.save(update_fields=["password"])
            demo.groups.add(*Group.objects.filter(name__in=groups))
        self.stdout.write(self.style.SUCCESS(f"Log in at {options['url']} as admin / {password}"))
        self.stdout.write(
            "  (same password: 'translator' translates into Spanish and submits for review; "
            "'moderator' approves reviews)"
        )
