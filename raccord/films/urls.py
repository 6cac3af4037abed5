"""Non-page URLs of this app, mounted at the site root before Wagtail's page tree."""

from django.urls import path

from . import views

app_name = "films"

urlpatterns = [
    path("diffusion/demande/<slug:kind>/", views.RequestFormView.as_view(), name="request_form"),
    path("diffusion/demande/<slug:kind>/envoyee/", views.request_sent, name="request_sent"),
]
