"""A programme's addresses outside its page (under each language prefix)."""

from django.urls import path

from programmes import feeds

urlpatterns = [
    path("feeds/programmes/<id:pk>/<str:fmt>/", feeds.programme_feed, name="programme_feed"),
]
