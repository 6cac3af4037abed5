"""Admin wiring: the "Contacts" menu and the GDPR tools."""

import django_filters
from django import forms
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from raccord.partners.models import Organisation

from . import admin_views
from .models import Consent, Contact, Role, normalize_email

MENU_HOOK = "register_raccord_contacts_menu_item"


class ContactAdminForm(WagtailAdminModelForm):
    """Addresses are compared normalized, so `Julie@X.org ` cannot become a second person."""

    def clean_email(self):
        email = normalize_email(self.cleaned_data.get("email", ""))
        clash = Contact.objects.filter(email=email).exclude(pk=self.instance.pk)
        if clash.exists():
            raise forms.ValidationError(
                "Une fiche existe déjà avec cette adresse : ouvrez-la ou fusionnez les deux."
            )
        return email


class ContactFilterSet(WagtailFilterSet):
    roles = django_filters.ModelMultipleChoiceFilter(
        label="Rôles", queryset=Role.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    organisation = django_filters.ModelChoiceFilter(
        label="Organisation",
        field_name="memberships__organisation",
        queryset=Organisation.objects.all(),
    )
    erased = django_filters.BooleanFilter(
        label="Données effacées", field_name="erased_at", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Contact
        fields = []


class ContactViewSet(ModelViewSet):
    model = Contact
    icon = "user"
    menu_label = "Contacts"
    menu_hook = MENU_HOOK
    add_to_admin_menu = False
    list_display = ["__str__", "roles_display", "organisations_display", "created_at"]
    list_per_page = 50
    filterset_class = ContactFilterSet
    search_fields = ["name", "email", "notes", "memberships__organisation__name"]
    search_backend_name = None
    list_export = [
        "name",
        "email",
        "pronouns",
        "phone",
        "roles_display",
        "organisations_display",
        "created_at",
    ]
    export_headings = {
        "name": "Nom",
        "email": "E-mail",
        "pronouns": "Pronoms",
        "phone": "Téléphone",
        "roles_display": "Rôles",
        "organisations_display": "Organisations",
        "created_at": "Créé le",
    }
    export_filename = "contacts"
    inspect_view_enabled = True
    inspect_view_fields = [
        "email",
        "name",
        "pronouns",
        "phone",
        "roles_display",
        "organisations_display",
        "notes",
        "created_at",
        "erased_at",
    ]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("email"),
                    FieldPanel("name"),
                    FieldPanel("pronouns"),
                    FieldPanel("phone"),
                ],
                heading="Coordonnées",
            ),
            FieldPanel("roles", widget=forms.CheckboxSelectMultiple),
            InlinePanel("memberships", heading="Organisations", label="organisation"),
            FieldPanel("notes"),
        ],
        base_form_class=ContactAdminForm,
    )

    def get_queryset(self, request):
        return Contact.objects.prefetch_related("roles", "memberships__organisation")


class RoleViewSet(ModelViewSet):
    model = Role
    icon = "tag"
    menu_label = "Rôles"
    menu_hook = MENU_HOOK
    add_to_admin_menu = False
    form_fields = ["name", "slug", "sort_order"]
    list_display = ["name", "slug"]
    copy_view_enabled = False


class ConsentViewSet(ModelViewSet):
    model = Consent
    icon = "tick-inverse"
    menu_label = "Consentements"
    menu_hook = MENU_HOOK
    add_to_admin_menu = False
    form_fields = ["contact", "kind", "given", "at", "source", "wording", "wording_version"]
    list_display = ["contact", "kind", "given", "at", "source"]
    list_filter = ["kind", "given"]
    search_fields = ["contact__email", "contact__name", "source"]
    search_backend_name = None
    list_export = ["contact.email", "kind", "given", "at", "source", "wording_version"]
    export_filename = "consentements"
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return Consent.objects.select_related("contact")


class ContactsGroup(ViewSetGroup):
    menu_label = "Contacts"
    menu_icon = "group"
    menu_order = 250
    submenu_hook = MENU_HOOK
    items = ()


contact_viewset = ContactViewSet()


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [contact_viewset, RoleViewSet(), ConsentViewSet(), ContactsGroup()]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("contacts/rgpd/", admin_views.GdprLookupView.as_view(), name="people_gdpr_lookup"),
        path(
            "contacts/rgpd/<int:pk>/export/<str:fmt>/",
            admin_views.gdpr_export,
            name="people_gdpr_export",
        ),
        path(
            "contacts/rgpd/<int:pk>/effacer/",
            admin_views.GdprEraseView.as_view(),
            name="people_gdpr_erase",
        ),
        path("contacts/fusionner/", admin_views.MergeView.as_view(), name="people_merge"),
        path("contacts/importer/", admin_views.ImportView.as_view(), name="people_import"),
        path("contacts/journal-rgpd/", admin_views.AuditLogView.as_view(), name="people_audit_log"),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission="people.change_contact", **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register(MENU_HOOK)
def gdpr_menu_item():
    return PermissionMenuItem(
        "Données personnelles (RGPD)", reverse("people_gdpr_lookup"), icon_name="lock", order=900
    )


@hooks.register(MENU_HOOK)
def merge_menu_item():
    return PermissionMenuItem(
        "Fusionner des doublons", reverse("people_merge"), icon_name="resubmit", order=910
    )


@hooks.register(MENU_HOOK)
def import_menu_item():
    return PermissionMenuItem(
        "Importer (CSV)", reverse("people_import"), icon_name="upload", order=920
    )


@hooks.register(MENU_HOOK)
def audit_menu_item():
    return PermissionMenuItem(
        "Journal RGPD", reverse("people_audit_log"), icon_name="history", order=930
    )
