"""Core's addresses under each language prefix: where public form pages are posted."""

from django.urls import path

from core import public_forms

urlpatterns = [
    path("forms/<id:pk>/", public_forms.serve_form_page, name="public_form_submit"),
]
