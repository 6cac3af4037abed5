"""Admin wiring: one "Soirées" menu with the desk, registrations and venues."""

from django.urls import path
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from raccord.core.admin_exports import FrenchExports
from raccord.core.permissions import KeptRecordPolicy

from . import admin_views
from .forms import ANSWER_KEYS, RegistrationAdminForm
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


# Registrations come through the public form (and its rules), never from a blank admin form;
# the team cancels them (admin_views.cancel_registration), never deletes them.
register_permission_policy(Registration, KeptRecordPolicy(Registration), exact_class=True)


# What the CSV export gives (and the inspect page shows), with its column headings.
EXPORT = {
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


class RegistrationViewSet(FrenchExports, ModelViewSet):
    model = Registration
    name = "registrations"
    url_prefix = "soirees/inscriptions"
    menu_label = "Inscriptions"
    icon = "user"
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = admin_views.RegistrationIndexView
    edit_view_class = admin_views.RegistrationEditView
    inspect_view_class = admin_views.RegistrationInspectView
    list_display = ["name", "email", "event", "seats", "status", "answers_text", "present_at"]
    list_filter = ["event", "status", "newsletter_opt_in"]
    search_fields = ["name", "email"]
    list_export = list(EXPORT)
    export_headings = EXPORT
    export_filename = "inscriptions"
    edit_handler = ObjectList(
        [
            FieldPanel("event", read_only=True),
            FieldPanel("email", read_only=True),
            FieldPanel("status", read_only=True),
            FieldPanel("seats", read_only=True),
            FieldPanel("name"),
            *(FieldPanel(f"answer_{key}") for key in ANSWER_KEYS),
        ],
        base_form_class=RegistrationAdminForm,
    )
    inspect_view_fields = [
        *("answers" if name == "answers_text" else name for name in EXPORT),
        "cancel_reason",
        "reminded_at",
        "anonymised_at",
    ]

    def get_queryset(self, request):
        return Registration.objects.select_related("event")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/annuler/", admin_views.cancel_registration, name="cancel"),
        ]


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
