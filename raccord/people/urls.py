"""GDPR self-service, mounted at the site root before Wagtail's page tree."""

from django.urls import path

from . import views

urlpatterns = [
    path("mes-donnees/", views.MyDataView.as_view(), name="people_my_data"),
    path("mes-donnees/lien-envoye/", views.my_data_sent, name="people_my_data_sent"),
    path(
        "mes-donnees/acces/<str:token>/",
        views.MyDataAccessView.as_view(),
        name="people_my_data_access",
    ),
    path(
        "mes-donnees/effacer/<str:token>/",
        views.MyDataEraseView.as_view(),
        name="people_my_data_erase",
    ),
]
