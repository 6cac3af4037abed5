"""Non-page URLs of this app, mounted at the site root before Wagtail's page tree."""

from django.urls import path

from . import views

app_name = "events"

urlpatterns = [
    path("soirees/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("soirees/<int:pk>/inscription/", views.RegisterView.as_view(), name="register"),
    path("soirees/<int:pk>/inscription/<slug:outcome>/", views.registered, name="registered"),
    path("soirees/<int:pk>/places.json", views.places, name="places"),
    path("soirees/<int:pk>/soiree.ics", views.event_ics, name="event_ics"),
    path("soirees/mon-inscription/<str:token>/", views.ManageView.as_view(), name="manage"),
    path(
        "soirees/mon-inscription/<str:token>/modifier/",
        views.ChangeView.as_view(),
        name="change",
    ),
    path("api/v1/soirees/", views.api_events, name="api"),
]
