"""The private workspace of crews, under /plateau/ (Django views, not Wagtail pages)."""

from django.urls import path

from . import views

app_name = "plateau"

urlpatterns = [
    path("plateau/", views.LoginView.as_view(), name="login"),
    path("plateau/lien-envoye/", views.login_sent, name="login_sent"),
    path("plateau/connexion/<str:token>/", views.LoginConfirmView.as_view(), name="login_confirm"),
    path("plateau/invitation/<str:token>/", views.JoinView.as_view(), name="join"),
    path("plateau/deconnexion/", views.logout, name="logout"),
    path("plateau/espace/", views.dashboard, name="dashboard"),
    path("plateau/meteo/", views.weather, name="weather"),
    path("plateau/meteo/tendances/", views.weather_trend, name="weather_trend"),
    path("plateau/decisions/", views.decisions, name="decisions"),
    path("plateau/decisions/<int:pk>/", views.proposal_detail, name="proposal"),
    path("plateau/decisions/<int:pk>/cloturer/", views.proposal_close, name="proposal_close"),
    path("plateau/journal/", views.log, name="log"),
    path("plateau/equipe/", views.crew, name="crew"),
    path("plateau/prendre-soin/", views.care, name="care"),
    path("plateau/prendre-soin/messages/", views.referent_inbox, name="referent_inbox"),
    path("plateau/feuilles-de-service/", views.call_sheets, name="call_sheets"),
    path("plateau/feuilles-de-service/<str:day>/", views.call_sheet, name="call_sheet"),
    path(
        "plateau/feuilles-de-service/<str:day>/pdf/",
        views.call_sheet_download,
        name="call_sheet_pdf",
    ),
    path("plateau/carbone/", views.carbon, name="carbon"),
    path("plateau/carbone/export.csv", views.carbon_csv, name="carbon_csv"),
    path("plateau/carbone/<int:pk>/retirer/", views.carbon_delete, name="carbon_delete"),
    path("plateau/remunerations/", views.pay, name="pay"),
    path("plateau/parite/", views.parity, name="parity"),
]
