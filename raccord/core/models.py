"""Site furniture: home and standard pages, site settings. The outbox lives in outbox.py."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock
from .health import WorkerHeartbeat  # noqa: F401  (registers the model with the core app)
from .outbox import OutgoingMail  # noqa: F401  (registers the model with the core app)


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField("e-mail de contact", default="contact@onestraccord.org")
    instagram_url = models.URLField("Instagram", blank=True)
    bluesky_url = models.URLField("BlueSky", blank=True)
    linkedin_url = models.URLField("LinkedIn", blank=True)
    footer_text = models.TextField("texte du pied de page", blank=True)
    donation_url = models.URLField("page de dons (HelloAsso…)", blank=True)

    panels = [
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [FieldPanel("instagram_url"), FieldPanel("bluesky_url"), FieldPanel("linkedin_url")],
            heading="Réseaux sociaux",
        ),
        FieldPanel("footer_text"),
        FieldPanel("donation_url"),
    ]

    class Meta:
        verbose_name = "réglages du site"


class HomePage(Page):
    intro = RichTextField("présentation", blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name="contenu")

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    max_count = 1

    class Meta:
        verbose_name = "page d’accueil"


class StandardPage(Page):
    intro = models.TextField("chapô", blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name="contenu")

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = "page simple"
