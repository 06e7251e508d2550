"""The library's addresses outside its pages (under each language prefix)."""

from django.urls import path

from publications import feeds, views

urlpatterns = [
    path("feeds/library/<str:fmt>/", feeds.library_feed, name="library_feed"),
    path("publications/<id:pk>/cite.<str:fmt>", views.citation_download, name="publication_citation"),
]
