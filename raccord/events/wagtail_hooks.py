"""Admin wiring: one "Soirées" menu with the desk, registrations and venues."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .models import Registration, Venue


class EventDeskViewSet(ViewSet):
    name = "soirees"
    menu_label = "Tableau des soirées"
    icon = "date"

    def get_urlpatterns(self):
        return [
            path("", admin_views.overview, name="overview"),
            path("<int:pk>/", admin_views.detail, name="detail"),
            path("<int:pk>/accueil/", admin_views.checkin, name="checkin"),
            path("<int:pk>/ecrire/", admin_views.write, name="write"),
        ]


class NoAddPolicy(ModelPermissionPolicy):
    """Registrations come through the public form (and its rules), never from a blank form."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Registration, NoAddPolicy(Registration), exact_class=True)


class RegistrationViewSet(ModelViewSet):
    model = Registration
    name = "registrations"
    url_prefix = "soirees/inscriptions"
    menu_label = "Inscriptions"
    icon = "user"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["name", "email", "event", "seats", "status", "answers_text", "present_at"]
    list_filter = ["event", "status", "newsletter_opt_in"]
    search_fields = ["name", "email"]
    list_export = [
        "event",
        "name",
        "email",
        "seats",
        "status",
        "answers_text",
        "newsletter_opt_in",
        "created_at",
        "confirmed_at",
        "waitlisted_at",
        "cancelled_at",
        "present_at",
    ]
    export_headings = {
        "event": "Soirée",
        "name": "Nom",
        "email": "E-mail",
        "seats": "Places",
        "status": "État",
        "answers_text": "Réponses",
        "newsletter_opt_in": "Infolettre",
        "created_at": "Inscrit·e le",
        "confirmed_at": "Confirmée le",
        "waitlisted_at": "En attente depuis",
        "cancelled_at": "Annulée le",
        "present_at": "Arrivée",
    }
    export_filename = "inscriptions"
    form_fields = ["name", "answers"]
    inspect_view_fields = [
        "event",
        "name",
        "email",
        "seats",
        "status",
        "answers",
        "newsletter_opt_in",
        "created_at",
        "confirmed_at",
        "waitlisted_at",
        "cancelled_at",
        "present_at",
        "reminded_at",
        "anonymised_at",
    ]

    def get_queryset(self, request):
        return Registration.objects.select_related("event")


class VenueViewSet(SnippetViewSet):
    model = Venue
    menu_label = "Lieux"
    icon = "site"
    list_display = ["name", "city"]
    search_fields = ["name", "city"]


class EventsGroup(ViewSetGroup):
    menu_label = "Soirées"
    menu_icon = "date"
    menu_order = 210
    items = (EventDeskViewSet, RegistrationViewSet, VenueViewSet)


@hooks.register("register_admin_viewset")
def register_events_admin():
    return EventsGroup()
