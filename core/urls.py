"""Core's addresses under each language prefix: the feed of everything tagged with a term page."""

from django.urls import path

from core import tagged_listing

urlpatterns = [
    path("feeds/tagged/<id:pk>/<str:fmt>/", tagged_listing.tagged_feed, name="tagged_feed"),
]
