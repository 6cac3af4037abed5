"""Admin wiring: the "Partenaires" menu (organisations, exchanges, requests)."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from raccord.core.admin_exports import FrenchExports
from raccord.people.models import Organisation, PartnershipKind

from . import services
from .models import CoachingRequest, Interaction, PartnershipInquiry


class OrganisationFilterSet(WagtailFilterSet):
    partnership_kinds = django_filters.ModelMultipleChoiceFilter(
        label="Natures du partenariat",
        queryset=PartnershipKind.objects.all(),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Organisation
        fields = ["stage", "kind", "circle", "is_public"]


class OrganisationViewSet(FrenchExports, ModelViewSet):
    model = Organisation
    icon = "site"
    menu_label = "Organisations"
    add_to_admin_menu = False
    list_display = ["name", "kind", "stage", "kinds_display", "city", "is_public"]
    list_per_page = 50
    filterset_class = OrganisationFilterSet
    search_fields = ["name", "city", "description", "notes"]
    search_backend_name = None
    list_export = [
        "name",
        "kind",
        "circle",
        "stage",
        "kinds_display",
        "city",
        "website",
        "email",
        "is_public",
        "created_at",
    ]
    export_headings = {
        "name": "Nom",
        "kind": "Type",
        "circle": "Cercle",
        "stage": "Relation",
        "kinds_display": "Natures du partenariat",
        "city": "Ville",
        "website": "Site",
        "email": "E-mail",
        "is_public": "Affichée sur le site",
        "created_at": "Créée le",
    }
    export_filename = "organisations"
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "kind",
        "circle",
        "stage",
        "kinds_display",
        "website",
        "email",
        "city",
        "is_public",
        "logo",
        "description",
        "people_display",
        "last_interactions_display",
        "notes",
        "created_at",
    ]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Organisation.objects.prefetch_related("partnership_kinds")


class InteractionFilterSet(WagtailFilterSet):
    to_follow = django_filters.BooleanFilter(
        label="À relancer", method="filter_to_follow", widget=forms.CheckboxInput
    )

    class Meta:
        model = Interaction
        fields = ["channel", "owner", "organisation"]

    def filter_to_follow(self, queryset, name, value):
        return queryset.open_follow_ups() if value else queryset


class InteractionViewSet(FrenchExports, ModelViewSet):
    model = Interaction
    icon = "mail"
    menu_label = "Échanges et relances"
    add_to_admin_menu = False
    list_display = ["date", "__str__", "next_step", "due_date", "owner", "done_at"]
    list_per_page = 50
    filterset_class = InteractionFilterSet
    search_fields = [
        "summary",
        "next_step",
        "organisation__name",
        "contact__name",
        "contact__email",
    ]
    search_backend_name = None
    list_export = [
        "date",
        "channel",
        "organisation",
        "contact",
        "summary",
        "next_step",
        "due_date",
        "owner",
        "done_at",
    ]
    export_filename = "echanges"
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return Interaction.objects.select_related("organisation", "contact", "owner")


class PartnershipInquiryViewSet(FrenchExports, ModelViewSet):
    model = PartnershipInquiry
    icon = "pick"
    menu_label = "Demandes de partenariat"
    add_to_admin_menu = False
    list_display = ["created_at", "organisation", "contact", "offers_display", "status"]
    list_filter = ["status", "offers"]
    search_fields = ["message", "organisation__name", "contact__name", "contact__email"]
    search_backend_name = None
    list_export = [
        "created_at",
        "organisation",
        "contact.name",
        "contact.email",
        "role",
        "offers_display",
        "message",
        "status",
    ]
    export_filename = "demandes-partenariat"
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = [
        FieldPanel("status"),
        FieldPanel("contact", read_only=True),
        FieldPanel("organisation"),
        FieldPanel("role"),
        FieldPanel("offers", widget=forms.CheckboxSelectMultiple),
        FieldPanel("message", read_only=True),
    ]

    def get_queryset(self, request):
        return PartnershipInquiry.objects.select_related(
            "organisation", "contact"
        ).prefetch_related("offers")


class CoachingRequestViewSet(FrenchExports, ModelViewSet):
    model = CoachingRequest
    icon = "group"
    menu_label = "Demandes de formation"
    add_to_admin_menu = False
    list_display = ["created_at", "offer", "production", "crew_size", "contact", "status"]
    list_filter = ["status", "offer"]
    search_fields = ["production", "needs", "contact__name", "contact__email", "organisation__name"]
    search_backend_name = None
    list_export = [
        "created_at",
        "offer",
        "production",
        "organisation",
        "contact.name",
        "contact.email",
        "crew_size",
        "shoot_start",
        "shoot_end",
        "location",
        "needs",
        "status",
    ]
    export_filename = "demandes-formation"
    inspect_view_enabled = True
    copy_view_enabled = False
    panels = [
        FieldPanel("status"),
        FieldPanel("contact", read_only=True),
        FieldPanel("organisation"),
        FieldPanel("offer"),
        FieldPanel("production"),
        FieldPanel("crew_size"),
        FieldPanel("shoot_start"),
        FieldPanel("shoot_end"),
        FieldPanel("location"),
        FieldPanel("needs", read_only=True),
    ]

    def get_queryset(self, request):
        return CoachingRequest.objects.select_related("organisation", "contact")


class PartnershipKindViewSet(ModelViewSet):
    model = PartnershipKind
    icon = "tag"
    menu_label = "Natures de partenariat"
    add_to_admin_menu = False
    form_fields = ["name", "slug", "sort_order"]
    list_display = ["name", "slug"]
    copy_view_enabled = False


class PartnersGroup(ViewSetGroup):
    menu_label = "Partenaires"
    menu_icon = "site"
    menu_order = 240
    items = (
        OrganisationViewSet,
        InteractionViewSet,
        PartnershipInquiryViewSet,
        CoachingRequestViewSet,
        PartnershipKindViewSet,
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return PartnersGroup()


def interaction_done(request, pk):
    """The "Fait" button of the admin home: POST only, back where the volunteer was."""
    if request.method != "POST" or not request.user.has_perm("partners.change_interaction"):
        raise PermissionDenied
    interaction = get_object_or_404(Interaction, pk=pk)
    services.mark_done(interaction)
    messages.success(request, f"Relance marquée comme faite : {interaction.next_step}")
    next_url = request.POST.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "wagtailadmin_home"
    return redirect(next_url)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "partenaires/echanges/<int:pk>/fait/",
            interaction_done,
            name="partners_interaction_done",
        )
    ]


# --- admin home -------------------------------------------------------------------------------


class FollowUpsPanel(Component):
    name = "raccord_follow_ups"
    template_name = "partners/admin/panels/follow_ups.html"
    order = 50

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["follow_ups"] = services.due_follow_ups()
        context["request"] = parent_context.get("request")
        context["csrf_token"] = parent_context.get("csrf_token")
        return context


@hooks.register("construct_homepage_panels")
def add_follow_ups_panel(request, panels):
    """First on the admin home: what someone promised to do next, late ones first."""
    panels.insert(0, FollowUpsPanel())
