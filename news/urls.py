"""The news and blog listings' addresses outside their pages (under each language prefix)."""

from django.urls import path

from news import feeds

urlpatterns = [
    path("feeds/posts/<id:pk>/<str:fmt>/", feeds.post_feed, name="post_feed"),
]
