"""GDPR self-service, mounted at the site root before Wagtail's page tree."""

from django.urls import path

from . import views

urlpatterns = [
    path("mes-donnees/", views.my_data, name="people_my_data"),
    path("mes-donnees/lien-envoye/", views.my_data_sent, name="people_my_data_sent"),
    path("mes-donnees/acces/<str:token>/", views.my_data_access, name="people_my_data_access"),
    path("mes-donnees/effacer/<str:token>/", views.my_data_erase, name="people_my_data_erase"),
]
