# The site no longer installs Wagtail's form pages, embeds and sitemaps or Django's own admin
# (none was used: no form page existed, no embed block, the sitemaps are seo's own and the admin is
# Wagtail's). Their tables stay as they are (an app installed again finds them and its migration
# history), but their content types are forgotten, with the default permissions that pointed at
# them, so no group holds a permission on a model that does not exist. Installing one of these
# apps again re-creates both.

from django.db import migrations

REMOVED = [("wagtailforms", "formsubmission"), ("wagtailembeds", "embed"), ("admin", "logentry")]


def forget(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for app_label, model in REMOVED:
        content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
        if content_type is not None:
            Permission.objects.filter(content_type=content_type).delete()
            content_type.delete()
    ContentType.objects.clear_cache()


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_moved_from_wiegosite"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forget, migrations.RunPython.noop)]
