"""Admin wiring for the site: the "Messages" menu, and the admin home's registered panels."""

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import registry
from .models import ContactMessage


class NoAddPolicy(ModelPermissionPolicy):
    """Messages come through the public form only, never from a blank admin form."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(ContactMessage, NoAddPolicy(ContactMessage), exact_class=True)


class ContactMessageViewSet(ModelViewSet):
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


# --- admin home -------------------------------------------------------------------------------


@hooks.register("construct_homepage_panels")
def add_registered_panels(request, panels):
    """The panels the apps registered (core/dashboard.py), placed among Wagtail's by `order`."""
    for entry in registry.dashboard:
        panel = entry.component(request)
        if panel is not None:
            panel.order = entry.order
            panels.append(panel)
