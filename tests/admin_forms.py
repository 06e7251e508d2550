"""Reading and posting the Wagtail page editor as a browser would (for admin tests)."""

import json

from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import querydict_from_html

FORM_ID = "page-edit-form"  # <form id="page-edit-form"> of the admin's create and edit views
SNIPPET_FORM_ID = "w-editor-form"  # the snippet editor's form


def add_url(model, parent):
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def stream_form_data(name, blocks):
    """Form data for a StreamField's blocks as the admin renders them (`{"type", "value", "id"}`
    each, the value already in the editor's format), as the admin's JavaScript would post them."""
    data = {f"{name}-count": str(len(blocks))}
    for index, block in enumerate(blocks):
        assert isinstance(block["value"], str), f"only simple blocks are supported here: {block}"
        prefix = f"{name}-{index}"
        data.update(
            {
                f"{prefix}-type": block["type"],
                f"{prefix}-value": block["value"],
                f"{prefix}-id": block.get("id") or "",
                f"{prefix}-deleted": "",
                f"{prefix}-order": str(index),
            }
        )
    return data


def read_form(response, form_id=FORM_ID):
    """What a browser would submit from the page editor in `response`, before any change."""
    assert response.status_code == 200, response.status_code
    html = response.content.decode()
    data = querydict_from_html(html, form_id=form_id)
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    # Two things browsers do that querydict_from_html does not: drop the newline that opens a
    # <textarea>, and send "on" for a ticked checkbox without a value.
    for textarea in form.find_all("textarea", attrs={"name": True}):
        data[textarea["name"]] = data[textarea["name"]].removeprefix("\n")
    for box in form.find_all("input", type="checkbox", checked=True, attrs={"name": True}):
        if "value" not in box.attrs:
            data.setlist(box["name"], ["on" if value == "" else value for value in data.getlist(box["name"])])
    # StreamFields are drawn by JavaScript from their current blocks, kept in a data attribute.
    for widget in form.find_all(attrs={"data-controller": "w-block"}):
        blocks, _errors = json.loads(widget["data-w-block-arguments-value"])
        for key, value in stream_form_data(widget["id"], blocks).items():
            data[key] = value
    return data


def post_form(client, url, changes, publish=True):
    """Open the create or edit view at `url`, change what the editor changes, submit it."""
    data = read_form(client.get(url))
    for key, value in changes.items():
        data[key] = value
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(url, data)


def snippet_edit_url(obj):
    return f"/admin/snippets/{obj._meta.app_label}/{obj._meta.model_name}/edit/{obj.pk}/"


def post_snippet(client, obj, changes, action=None):
    """Open a snippet's editor, change what the editor changes and press a button: None "Save
    draft", "submit" ("Submit for moderation"), "publish"."""
    url = snippet_edit_url(obj)
    data = read_form(client.get(url), form_id=SNIPPET_FORM_ID)
    for key, value in changes.items():
        data[key] = value
    if action:
        data[f"action-{action}"] = f"action-{action}"
    return client.post(url, data)
