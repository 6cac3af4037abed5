"""Admin wiring: one "Résidences" menu a volunteer understands.

Tableau de bord (selection, crews, logistics, budget per residency), then the data listings:
calls, applications, crews, budget lines, funding, parity grids. Opinions have no listing of
their own: the selection views are the only place they are read, and they hide the others'
opinions until one's own is given.
"""

from django.urls import path
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from raccord.core.admin_exports import FrenchExports

from . import admin_views
from .models import Application, BudgetLine, Call, Crew, FundingSource, ParityGrid


class DashboardViewSet(ViewSet):
    name = "residences"
    icon = "home"
    menu_label = "Tableau de bord"
    menu_order = 0

    def get_urlpatterns(self):
        return [
            path("", admin_views.dashboard, name="dashboard"),
            path("appels/<int:call_id>/selection/", admin_views.selection, name="selection"),
            path("candidatures/<int:application_id>/avis/", admin_views.review, name="review"),
            path(
                "candidatures/<int:application_id>/decision/",
                admin_views.decide,
                name="decide",
            ),
            path("<int:residency_id>/equipes/", admin_views.crews, name="crews"),
            path("<int:residency_id>/logistique/", admin_views.logistics, name="logistics"),
            path("<int:residency_id>/budget/", admin_views.budget, name="budget"),
        ]


class CallViewSet(ModelViewSet):
    model = Call
    name = "residences_appels"
    url_prefix = "residences-appels"
    icon = "doc-full"
    menu_label = "Appels à participation"
    list_display = ["title", "residency", "opens_at", "closes_at", "is_published"]
    list_filter = ["is_published"]
    inspect_view_enabled = True


class ApplicationViewSet(FrenchExports, ModelViewSet):
    """Listing and correction of applications; never the individual diversity answers."""

    model = Application
    name = "residences_candidatures"
    url_prefix = "residences-candidatures"
    icon = "user"
    menu_label = "Candidatures"
    list_display = ["name", "call", "status", "created_at", Column("submissions", label="Envois")]
    list_filter = ["call", "status", "diet"]
    search_fields = ["name", "contact__email"]
    list_export = [
        "name",
        "pronouns",
        "status",
        "created_at",
        "availability",
        "arrival_date",
        "departure_date",
        "diet",
        "dietary_notes",
        "accessibility_needs",
    ]
    export_filename = "candidatures"
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "pronouns",
        "call",
        "status",
        "experience",
        "links",
        "motivation",
        "availability",
        "arrival_date",
        "departure_date",
        "accessibility_needs",
        "diet",
        "dietary_notes",
        "created_at",
        "updated_at",
        "submissions",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("pronouns"),
            FieldPanel("availability"),
            FieldPanel("arrival_date"),
            FieldPanel("departure_date"),
            FieldPanel("accessibility_needs"),
            FieldPanel("diet"),
            FieldPanel("dietary_notes"),
        ]
    )


class CrewViewSet(ModelViewSet):
    model = Crew
    name = "residences_equipes"
    url_prefix = "residences-equipes"
    icon = "group"
    menu_label = "Équipes"
    list_display = ["film_title", "residency", "parity_grid"]
    list_filter = ["residency"]


class BudgetLineViewSet(FrenchExports, ModelViewSet):
    model = BudgetLine
    name = "residences_budget"
    url_prefix = "residences-budget"
    icon = "form"
    menu_label = "Budget"
    list_display = ["label", "category", "amount", "residency"]
    list_filter = ["residency", "category"]
    list_export = ["residency", "category", "label", "amount", "notes"]
    export_filename = "budget-residences"
    form_fields = ["residency", "category", "label", "amount", "notes"]


class FundingSourceViewSet(FrenchExports, ModelViewSet):
    model = FundingSource
    name = "residences_financements"
    url_prefix = "residences-financements"
    icon = "tick-inverse"
    menu_label = "Financements"
    list_display = ["name", "kind", "amount", "status", "residency"]
    list_filter = ["residency", "status", "kind"]
    list_export = ["residency", "kind", "name", "organisation", "amount", "status", "notes"]
    export_filename = "financements-residences"
    form_fields = [
        "residency",
        "kind",
        "name",
        "organisation",
        "amount",
        "status",
        "requested_on",
        "notes",
    ]


class ParityGridViewSet(ModelViewSet):
    model = ParityGrid
    name = "residences_parite"
    url_prefix = "residences-parite"
    icon = "table"
    menu_label = "Grilles de parité"
    list_display = ["name", "kind", "threshold", "effective_date", "is_default"]
    list_filter = ["kind"]  # the form is the model's `panels`, posts inline


class ResidencyGroup(ViewSetGroup):
    menu_label = "Résidences"
    menu_icon = "group"
    menu_order = 250
    items = [
        DashboardViewSet,
        CallViewSet,
        ApplicationViewSet,
        CrewViewSet,
        BudgetLineViewSet,
        FundingSourceViewSet,
        ParityGridViewSet,
    ]


@hooks.register("register_admin_viewset")
def register_residency_viewsets():
    return ResidencyGroup()
