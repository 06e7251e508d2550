"""The Translators groups and the translation review workflow.

- "Translators": may use the admin and change pages, images and translated snippets, but not add,
  publish, delete or move pages (see translations.permissions); what they submit goes to review.
- "Translators: Spanish" / "French" / "Portuguese": the languages a translator writes. Put a
  translator in "Translators" and in one or more language groups.
- "Editors" and "Moderators" (Wagtail's own groups) may edit every language, English included.
- A "Translation review" workflow (one task, approved by Moderators) on the root page, in place of
  Wagtail's default "Moderators approval".
"""

from django.db import migrations

LANGUAGE_GROUPS = {"es": "Translators: Spanish", "fr": "Translators: French", "pt": "Translators: Portuguese"}
LANGUAGE_NAMES = {"es": "Spanish", "fr": "French", "pt": "Portuguese"}


def permission(apps, app_label, model, codename, name):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(content_type=content_type, codename=codename, defaults={"name": name})
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ContentType = apps.get_model("contenttypes", "ContentType")

    translators, _ = Group.objects.get_or_create(name="Translators")
    translators.permissions.add(
        permission(apps, "wagtailadmin", "admin", "access_admin", "Can access Wagtail admin"),
        permission(apps, "wiegosite", "region", "change_region", "Can change region"),
        permission(apps, "publications", "publicationseries", "change_publicationseries", "Can change series"),
    )
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is not None:
        change_page = permission(apps, "wagtailcore", "page", "change_page", "Can change page")
        GroupPagePermission.objects.get_or_create(group=translators, page=root, permission=change_page)
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()
    if root_collection is not None:
        for codename, name in (("change_image", "Can change image"), ("choose_image", "Can choose image")):
            GroupCollectionPermission.objects.get_or_create(
                group=translators,
                collection=root_collection,
                permission=permission(apps, "wagtailimages", "image", codename, name),
            )

    for code, group_name in LANGUAGE_GROUPS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        group.permissions.add(
            permission(apps, "translations", "translatedobject", f"translate_{code}", f"Translate into {LANGUAGE_NAMES[code]}")
        )

    translate_all = permission(apps, "translations", "translatedobject", "translate_all", "Edit every language")
    for name in ("Editors", "Moderators"):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(translate_all)

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, created = GroupApprovalTask.objects.get_or_create(
        name="Review translation", defaults={"content_type": task_type, "active": True}
    )
    moderators = Group.objects.filter(name="Moderators").first()
    if created and moderators is not None:
        task.groups.add(moderators)
    workflow, created = Workflow.objects.get_or_create(name="Translation review", defaults={"active": True})
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    if root is not None:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})


def backwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    Group.objects.filter(name__in=["Translators", *LANGUAGE_GROUPS.values()]).delete()
    workflow = Workflow.objects.filter(name="Translation review").first()
    if workflow is not None:
        default = Workflow.objects.exclude(pk=workflow.pk).order_by("pk").first()
        for assignment in WorkflowPage.objects.filter(workflow=workflow):
            if default is not None:
                assignment.workflow = default
                assignment.save()
            else:
                assignment.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("translations", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wiegosite", "0002_search_index"),
        ("publications", "0002_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
