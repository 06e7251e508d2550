"""Core's addresses under each language prefix: where public form pages are posted, and the feed of
everything tagged with a term page."""

from django.urls import path

from core import public_forms, tagged_listing

urlpatterns = [
    path("forms/<id:pk>/", public_forms.serve_form_page, name="public_form_submit"),
    path("feeds/tagged/<id:pk>/<str:fmt>/", tagged_listing.tagged_feed, name="tagged_feed"),
]
