"""Admin views: the translation status report, one object's field-by-field status, and
confirming that translations are still right after an English change."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.models import Page

from . import permissions, report
from . import status as status_module
from .forms import StatusFilterForm
from .models import Status, TranslatedObject

PER_PAGE = 50


def _require_tools(user):
    if not permissions.uses_translation_tools(user):
        raise PermissionDenied


def status_report(request):
    _require_tools(request.user)
    form = StatusFilterForm(request.GET or None)
    values = form.values() if request.GET else {}
    paginator = Paginator(report.filtered(values), PER_PAGE)
    try:
        number = max(1, min(int(request.GET.get("p", 1)), paginator.num_pages))
    except ValueError:
        number = 1
    page = paginator.page(number)
    items = list(page.object_list)
    languages = report.language_names()
    cells = {item.pk: {row.language: row for row in item.languages.all()} for item in items}
    rows = [
        {
            "item": item,
            "edit_url": report.edit_url(item, request.user),
            "type": report.type_label(item.content_type),
            "cells": [cells[item.pk].get(code) for code in languages],
        }
        for item in items
    ]
    query = request.GET.copy()
    query.pop("p", None)
    return TemplateResponse(
        request,
        "translations/status_report.html",
        {
            "page_title": _("Translation status"),
            "header_icon": "site",
            "form": form,
            "languages": languages,
            "counts": _counts(languages),
            "statuses": Status.choices,
            "rows": rows,
            "page_obj": page,
            "paginator": paginator,
            "query": query.urlencode(),
        },
    )


def _counts(languages):
    table = report.counts()
    return [
        {"code": code, "name": name, "cells": [(value, label, table[code][value]) for value, label in Status.choices]}
        for code, name in languages.items()
    ]


def _item_permissions(request, item, obj):
    """May the user change this object (pages: Wagtail's page permissions)?"""
    if isinstance(obj, Page):
        return obj.permissions_for_user(request.user).can_edit()
    return True


def status_detail(request, pk):
    _require_tools(request.user)
    item = get_object_or_404(TranslatedObject.objects.select_related("content_type"), pk=pk)
    obj, rows = report.field_rows(item)
    can_edit = _item_permissions(request, item, obj)
    languages = report.language_names()
    writable = [code for code in languages if can_edit and permissions.can_write(request.user, code)]
    outdated = {
        code: [
            row
            for row in rows
            for cell in row["cells"]
            if cell["language"] == code and cell["state"] == Status.OUTDATED
        ]
        for code in writable
    }
    return TemplateResponse(
        request,
        "translations/status_detail.html",
        {
            "page_title": _("Translation status: %(title)s") % {"title": item.title},
            "header_icon": "site",
            "item": item,
            "edit_url": report.edit_url(item, request.user),
            "languages": languages,
            "rows": rows,
            "summary": report.summary(item),
            "confirmable": [(code, languages[code], outdated[code]) for code in writable if outdated[code]],
            "next": _safe_next(request),
        },
    )


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return ""


@require_POST
def confirm(request, pk):
    _require_tools(request.user)
    item = get_object_or_404(TranslatedObject.objects.select_related("content_type"), pk=pk)
    language = request.POST.get("language", "")
    obj = item.content_type.get_object_for_this_type(pk=item.object_id)
    if language not in report.language_names() or not permissions.can_write(request.user, language):
        raise PermissionDenied
    if not _item_permissions(request, item, obj):
        raise PermissionDenied
    keys = request.POST.getlist("keys")
    if not keys:
        messages.error(request, _("Choose at least one text to confirm."))
    else:
        done = status_module.confirm(item, language, keys=set(keys))
        status_module.refresh(obj)  # the live version's record follows when draft and live agree
        messages.success(
            request,
            ngettext(
                "%(count)d translation confirmed as still right.",
                "%(count)d translations confirmed as still right.",
                done,
            )
            % {"count": done},
        )
    target = _safe_next(request)
    return redirect(target or "translations:detail", *([] if target else [item.pk]))
