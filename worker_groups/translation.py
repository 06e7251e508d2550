from modeltranslation.translator import register

from core.translation import BasePageTranslation

from .models import WorkerGroupIndexPage, WorkerGroupPage


@register(WorkerGroupIndexPage)
class WorkerGroupIndexPageTranslation(BasePageTranslation):
    fields = ("intro", "body")


@register(WorkerGroupPage)
class WorkerGroupPageTranslation(BasePageTranslation):
    fields = ("intro", "who_and_where", "risks", "key_figures", "organisations")
