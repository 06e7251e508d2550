from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from staff_login import two_factor


class Command(BaseCommand):
    help = (
        "Remove a person's authenticator app and backup codes, for when no superuser can do it in "
        "the admin (Users -> Reset two-step sign-in): at their next sign-in they set it up again."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(**{get_user_model().USERNAME_FIELD: username}).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        count = two_factor.reset(user, by="manage.py reset_two_step")
        self.stdout.write(f"Two-step sign-in of {username} reset ({count} devices removed).")
