"""Non-page URLs of this app, mounted at the site root before Wagtail's page tree."""

from django.urls import path

from raccord.core.page_cache import query_params

from . import views

app_name = "films"

urlpatterns = [
    path(
        "diffusion/demande/<slug:kind>/",
        query_params("film")(views.RequestFormView.as_view()),  # ?film=<slug> picks the film
        name="request_form",
    ),
    path("diffusion/demande/<slug:kind>/envoyee/", views.request_sent, name="request_sent"),
]
