"""Admin wiring: one "Plateau coopératif" menu for the team's volunteers."""

from django.urls import path, reverse
from django.views.generic import RedirectView
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from . import admin_views
from .models import CrewMember, EmissionFactor, ListeningService, PayGrid, PayLine, Production


class InviteInstead(RedirectView):
    """People join a crew by invitation only, so "add" leads to the invitation page."""

    pattern_name = "plateau_crews:index"
    template_name = None


class CrewsViewSet(ViewSet):
    name = "plateau_crews"
    icon = "group"
    menu_label = "Équipes et invitations"
    url_prefix = "plateau/equipes"

    def get_urlpatterns(self):
        return [
            path("", admin_views.index, name="index"),
            path("<int:pk>/", admin_views.crew, name="crew"),
            path("membre/<int:pk>/renvoyer/", admin_views.resend, name="resend"),
            path("membre/<int:pk>/retirer/", admin_views.revoke, name="revoke"),
            path("residence/<int:pk>/", admin_views.open_residency_crew, name="from_residency"),
        ]


class ProductionViewSet(ModelViewSet):
    model = Production
    icon = "media"
    menu_label = "Tournages"
    name = "plateau_productions"
    list_display = ["title", "kind", "context", "first_shooting_day", "archived"]
    list_filter = ["kind", "archived"]
    search_fields = ["title", "context"]


class CrewMemberViewSet(ModelViewSet):
    """Edit roles, posts and training; people are added through "Équipes et invitations"."""

    model = CrewMember
    icon = "user"
    menu_label = "Membres des équipes"
    name = "plateau_members"
    list_display = ["contact", "production", "role", "position", "status", "is_vhss_referent"]
    list_filter = ["production", "role", "status", "is_vhss_referent"]
    add_view_class = InviteInstead
    panels = [
        MultiFieldPanel(
            [FieldPanel("role"), FieldPanel("position"), FieldPanel("parity_post")],
            heading="Rôle et poste",
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_vhss_referent"),
                FieldPanel("referent_phone"),
                FieldPanel("is_eco_referent"),
            ],
            heading="Rôles confiés",
        ),
        MultiFieldPanel(
            [
                FieldPanel("module1_done_on"),
                FieldPanel("module2_scheduled_on"),
                FieldPanel("module2_done_on"),
            ],
            heading="Formation VHSS",
        ),
    ]

    def get_queryset(self, request):
        return CrewMember.objects.select_related("contact", "production")


class ListeningServiceViewSet(ModelViewSet):
    model = ListeningService
    icon = "help"
    menu_label = "Services d’écoute"
    name = "plateau_listening"
    list_display = ["name", "phone", "production", "checked_on"]
    form_fields = [
        "production",
        "name",
        "description",
        "phone",
        "email",
        "url",
        "hours",
        "checked_on",
        "order",
    ]


class EmissionFactorViewSet(ModelViewSet):
    model = EmissionFactor
    icon = "pick"
    menu_label = "Facteurs d’émission"
    name = "plateau_factors"
    list_display = ["label", "heading", "unit", "kg_co2e_per_unit", "is_estimate", "source"]
    list_filter = ["heading", "is_estimate"]


class PayGridViewSet(ModelViewSet):
    model = PayGrid
    icon = "table"
    menu_label = "Grilles de salaires"
    name = "plateau_paygrids"
    list_display = ["name", "effective_from", "is_example"]


class PayLineViewSet(ModelViewSet):
    model = PayLine
    icon = "form"
    menu_label = "Rémunérations des postes"
    name = "plateau_paylines"
    list_display = ["position", "production", "agreed_weekly_pay", "weekly_hours", "grid_code"]
    list_filter = ["production"]


class PlateauGroup(ViewSetGroup):
    menu_label = "Plateau coopératif"
    menu_icon = "group"
    menu_order = 290
    items = [
        ProductionViewSet,
        CrewsViewSet,
        CrewMemberViewSet,
        ListeningServiceViewSet,
        PayGridViewSet,
        PayLineViewSet,
        EmissionFactorViewSet,
    ]


@hooks.register("register_admin_viewset")
def register_plateau():
    return PlateauGroup()


@hooks.register("residency_crew_actions")
def open_in_plateau(crew, request):
    """On a residency's crews page: open the crew's Plateau space, or invite its newcomers."""
    if not (
        request.user.has_perm("plateau.change_crewmember")
        and request.user.has_perm("plateau.add_production")
    ):
        return []
    production = getattr(crew, "plateau_production", None)
    action = {
        "url": reverse("plateau_crews:from_residency", args=[crew.pk]),
        "label": "Ouvrir l’espace Plateau et inviter l’équipe",
        "help": "Crée le tournage sur Plateau coopératif avec les mêmes personnes et leur "
        "envoie une invitation par e-mail.",
    }
    if production is not None:
        action.update(
            label="Inviter sur Plateau les personnes ajoutées depuis",
            help="L’espace Plateau existe : seules les personnes qui n’y sont pas encore "
            "reçoivent une invitation.",
            link=reverse("plateau_crews:crew", args=[production.pk]),
            link_label=f"Voir l’équipe de « {production.title} » sur Plateau",
        )
    return [action]
