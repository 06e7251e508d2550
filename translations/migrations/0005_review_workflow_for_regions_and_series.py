"""Regions and series have drafts: translators' changes to them go through "Translation review".

- The workflow is assigned to both snippet types (Settings → Workflows, "assign to snippet types").
- Translators keep "change" only (from 0002): they save drafts and submit them, never publish.
- Editors and Moderators may add, change, publish, lock and unlock regions and series, so
  Moderators can approve (which publishes) and editors keep editing every language.
"""

from django.db import migrations

SNIPPETS = [("places", "region"), ("publications", "publicationseries")]
# Region's content type is still "wiegosite.region" until wiegosite's 0003 renames it (on a fresh
# database 0002 above created it under that name): use whichever row exists, so what points at it
# follows the rename.
FORMER_APP_LABELS = {"region": ["wiegosite"]}
ACTIONS = ["add", "change", "publish", "lock", "unlock"]
WORKFLOW = "Translation review"


def content_type(apps, app_label, model):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for label in (app_label, *FORMER_APP_LABELS.get(model, [])):
        found = ContentType.objects.filter(app_label=label, model=model).first()
        if found is not None:
            return found
    return ContentType.objects.create(app_label=app_label, model=model)


def permission(apps, app_label, model, action):
    Permission = apps.get_model("auth", "Permission")
    verbose_name = apps.get_model(app_label, model)._meta.verbose_name
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type(apps, app_label, model),
        codename=f"{action}_{model}",
        defaults={"name": f"Can {action} {verbose_name}"},
    )
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")

    workflow = Workflow.objects.filter(name=WORKFLOW).first()
    if workflow is not None:
        for app_label, model in SNIPPETS:
            WorkflowContentType.objects.update_or_create(
                content_type=content_type(apps, app_label, model), defaults={"workflow": workflow}
            )
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(
            *(permission(apps, app_label, model, action) for app_label, model in SNIPPETS for action in ACTIONS)
        )


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    WorkflowContentType = apps.get_model("wagtailcore", "WorkflowContentType")
    for app_label, model in SNIPPETS:
        type_ = content_type(apps, app_label, model)
        WorkflowContentType.objects.filter(content_type=type_, workflow__name=WORKFLOW).delete()
        perms = Permission.objects.filter(content_type=type_, codename__in=[f"{a}_{model}" for a in ACTIONS])
        for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
            group.permissions.remove(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0004_translatedobject_object_type"),
        ("places", "0003_existing_regions_published"),
        ("publications", "0005_existing_series_published"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
