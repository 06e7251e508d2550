from django.urls import path

from . import views

app_name = "translations"
urlpatterns = [
    path("status/", views.status_report, name="report"),
    path("status/<int:pk>/", views.status_detail, name="detail"),
    path("status/<int:pk>/confirm/", views.confirm, name="confirm"),
]
