"""Admin wiring: one « Infolettre » menu with campaigns, subscribers, topics, exclusions, import."""

from django import forms
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models import Campaign, Subscriber, Suppression, Topic

MENU_HOOK = "register_newsletter_menu_item"


class ProgressColumn(Column):
    def get_value(self, instance):
        if instance.status in (Campaign.Status.DRAFT, Campaign.Status.SCHEDULED):
            label = "Tester, programmer, envoyer"
        else:
            label = "Voir l’envoi"
        return format_html('<a href="{}">{}</a>', admin_views.send_url(instance), label)


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "mail"
    menu_label = "Campagnes"
    menu_name = "campagnes"
    menu_hook = MENU_HOOK
    edit_view_class = admin_views.CampaignEditView
    copy_view_enabled = False  # « Dupliquer en brouillon » on the send page makes a clean draft
    list_display = [
        "subject",
        "status",
        "scheduled_at",
        "sent_at",
        ProgressColumn("send", label="Envoi"),
    ]
    list_filter = ["status"]
    search_fields = ["subject"]
    ordering = ["-created_at"]


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "group"
    menu_label = "Abonné·es"
    menu_name = "abonnes"
    menu_hook = MENU_HOOK
    list_display = ["contact", "status", "created_at", "confirmed_at", "source"]
    list_filter = ["status", "topics"]
    search_fields = ["contact__email", "contact__name"]
    ordering = ["-created_at"]
    panels = [
        FieldPanel("contact"),
        FieldPanel("status"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("status_reason"),
    ]

    def get_queryset(self, request):
        return Subscriber.objects.select_related("contact")


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Thèmes"
    menu_name = "themes"
    menu_hook = MENU_HOOK
    list_display = ["name", "slug", "public", "position"]


class SuppressionViewSet(SnippetViewSet):
    model = Suppression
    icon = "cross"
    menu_label = "Liste d’exclusion"
    menu_name = "exclusion"
    menu_hook = MENU_HOOK
    list_display = ["digest", "reason", "created_at"]
    list_filter = ["reason"]
    add_to_admin_menu = False


class NewsletterGroup(SnippetViewSetGroup):
    menu_label = "Infolettre"
    menu_icon = "mail"
    menu_order = 250
    items = (CampaignViewSet, SubscriberViewSet, TopicViewSet, SuppressionViewSet)
    submenu_hook = MENU_HOOK


hooks.register("register_admin_viewset", NewsletterGroup)


@hooks.register(MENU_HOOK)
def import_menu_item():
    return MenuItem(
        "Importer / exporter",
        reverse("newsletter_admin:import"),
        icon_name="upload",
        order=900,
    )


@hooks.register("register_admin_urls")
def admin_urls():
    urls = [
        path("campagnes/<int:pk>/envoi/", admin_views.campaign_send, name="send"),
        path("campagnes/<int:pk>/progression.json", admin_views.campaign_progress, name="progress"),
        path("import/", admin_views.import_subscribers, name="import"),
        path("export.csv", admin_views.export_subscribers, name="export"),
    ]
    return [path("infolettre/", include((urls, "newsletter_admin"), namespace="newsletter_admin"))]


@hooks.register("register_snippet_listing_buttons")
def campaign_send_button(snippet, user, next_url=None):
    if isinstance(snippet, Campaign) and user.has_perm("newsletter.change_campaign"):
        yield ListingButton("Envoi", admin_views.send_url(snippet), icon_name="mail", priority=5)
