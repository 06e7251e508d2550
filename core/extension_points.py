"""Names of the hooks through which apps above core extend what core provides.

Core never imports the apps built on it. Where a core feature needs something from above (a tab in
the page editor, a restriction on an admin form, who may move a page), it asks Wagtail's hook
registry (`wagtail.hooks`), and the app that provides it registers a function in its
`wagtail_hooks.py`:

- PAGE_EDIT_TABS: `fn() -> list of Panel`, tabs appended to every page type's editor.
- RESTRICT_ADMIN_FORM: `fn(form, user)`, called when the admin form of a translated page,
  snippet, image or setting is built; it may disable fields and name formsets in
  `form.read_only_formsets` (those are then neither validated nor saved).
- PAGE_PERMISSION_TESTER: `fn(page, user) -> PagePermissionTester`, the first one registered is
  used for every page type built on BasePage.
"""

PAGE_EDIT_TABS = "register_page_edit_tabs"
RESTRICT_ADMIN_FORM = "restrict_translated_admin_form"
PAGE_PERMISSION_TESTER = "page_permission_tester"
