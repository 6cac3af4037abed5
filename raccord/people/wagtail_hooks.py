"""Admin wiring: the "Contacts" menu, the GDPR tools and the "Messages" menu."""

import django_filters
from django import forms
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from raccord.core.admin_exports import FrenchExports
from raccord.core.permissions import NoAddPolicy

from . import admin_views
from .models import Consent, Contact, ContactMessage, Organisation, Role, normalize_email

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


class ContactViewSet(FrenchExports, ModelViewSet):
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


class ConsentViewSet(FrenchExports, ModelViewSet):
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


TOOLS = [  # (menu label, URL name, icon), in menu order
    ("Données personnelles (RGPD)", "people_gdpr_lookup", "lock"),
    ("Fusionner des doublons", "people_merge", "resubmit"),
    ("Importer (CSV)", "people_import", "upload"),
    ("Journal RGPD", "people_audit_log", "history"),
]


def _tool_item(label: str, url_name: str, icon: str, order: int):
    return lambda: PermissionMenuItem(label, reverse(url_name), icon_name=icon, order=order)


for position, tool in enumerate(TOOLS):
    hooks.register(MENU_HOOK, _tool_item(*tool, order=900 + 10 * position))


# --- messages from the contact form ------------------------------------------------------


register_permission_policy(ContactMessage, NoAddPolicy(ContactMessage), exact_class=True)


class ContactMessageViewSet(FrenchExports, ModelViewSet):
    model = ContactMessage
    name = "contact_messages"
    url_prefix = "messages"
    menu_label = "Messages"
    menu_order = 250
    icon = "mail"
    add_to_admin_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "subject",
        "name",
        Column("email", label="E-mail", accessor="contact.email"),
        "status",
        "created_at",
    ]
    list_filter = ["status", "created_at"]
    search_fields = ["subject", "message", "name", "contact__email"]
    form_fields = ["status", "team_notes"]
    inspect_view_fields = [
        "name",
        "contact",
        "subject",
        "message",
        "status",
        "created_at",
        "handled_at",
        "team_notes",
    ]
    list_export = ["created_at", "name", "email", "subject", "message", "status", "handled_at"]
    export_headings = {
        "created_at": "Reçu le",
        "name": "Nom",
        "email": "E-mail",
        "subject": "Objet",
        "message": "Message",
        "status": "État",
        "handled_at": "Traité le",
    }
    export_filename = "messages"
    ordering = ["status", "-created_at"]

    def get_queryset(self, request):
        return ContactMessage.objects.select_related("contact")

    @property
    def menu_item_class(self):
        base = super().menu_item_class

        class MessagesMenuItem(base):
            """Shows how many messages wait for an answer, so nobody forgets them."""

            def render_component(self, request):
                component = super().render_component(request)
                waiting = ContactMessage.objects.unhandled().count()
                if waiting:
                    component.label = f"{self.label} ({waiting} à traiter)"
                return component

        return MessagesMenuItem


@hooks.register("register_admin_viewset")
def register_contact_messages():
    return ContactMessageViewSet()
