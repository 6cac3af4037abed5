"""Infolettre: topics, subscribers (linked to a Contact), the suppression list, campaigns and
one delivery row per recipient, which is the record of what was sent."""

from __future__ import annotations

from django import forms
from django.db import models
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PreviewableMixin
from wagtail.search import index

from raccord.core.models import RaccordPage
from raccord.core.slugs import unique_slug
from raccord.people.digests import email_digest, email_digests

from .blocks import CampaignBodyBlock


class Topic(models.Model):
    """What a person chooses to receive: the general infolettre, Paris soirées, residencies…"""

    name = models.CharField("nom", max_length=100)
    slug = models.SlugField("identifiant", max_length=60, unique=True)
    description = models.CharField("description", max_length=200, blank=True)
    position = models.PositiveSmallIntegerField("ordre", default=0)
    public = models.BooleanField(
        "proposé à l’inscription",
        default=True,
        help_text="Décochez pour un thème réservé à l’équipe (ex. : adhérent·es).",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("position"),
        FieldPanel("public"),
    ]

    class Meta:
        verbose_name = "thème"
        verbose_name_plural = "thèmes"
        ordering = ["position", "name"]

    def __str__(self) -> str:
        return self.name


class SubscriberQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def for_topics(self, topics):
        """Confirmed subscribers who chose at least one of `topics` (each person once)."""
        ids = [t.pk for t in topics]
        return self.confirmed().filter(topics__in=ids).distinct()


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "En attente de confirmation"
        CONFIRMED = "confirmed", "Inscrit·e"
        UNSUBSCRIBED = "unsubscribed", "Désinscrit·e"
        BOUNCED = "bounced", "Adresse en échec"
        COMPLAINED = "complained", "Signalé comme indésirable"

    contact = models.OneToOneField(
        "people.Contact",
        on_delete=models.CASCADE,
        related_name="subscriber",
        verbose_name="contact",
    )
    status = models.CharField(
        "état", max_length=15, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="subscribers", verbose_name="thèmes"
    )
    source = models.CharField(
        "provenance", max_length=300, blank=True, help_text="Page d’inscription ou fichier importé."
    )
    wording_version = models.CharField(
        "version du texte de consentement", max_length=40, blank=True
    )
    created_at = models.DateTimeField("inscrit·e le", default=timezone.now)
    confirmation_sent_at = models.DateTimeField("confirmation envoyée le", null=True, blank=True)
    confirmed_at = models.DateTimeField("confirmé·e le", null=True, blank=True)
    unsubscribed_at = models.DateTimeField("désinscrit·e le", null=True, blank=True)
    status_changed_at = models.DateTimeField("état changé le", default=timezone.now)
    status_reason = models.CharField("raison", max_length=300, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = "abonné·e"
        verbose_name_plural = "abonné·es"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.contact.email

    @property
    def email(self) -> str:
        return self.contact.email


class Suppression(models.Model):
    """An address that must never be brought back by an import (unsubscribed, bounced, erased)."""

    class Reason(models.TextChoices):
        UNSUBSCRIBED = "unsubscribed", "Désinscription"
        BOUNCED = "bounced", "Adresse en échec"
        COMPLAINED = "complained", "Signalement indésirable"
        ERASED = "erased", "Données effacées"
        MANUAL = "manual", "Ajout par l’équipe"

    digest = models.CharField("empreinte de l’adresse", max_length=64, unique=True)
    reason = models.CharField("raison", max_length=15, choices=Reason.choices)
    created_at = models.DateTimeField("ajoutée le", default=timezone.now)

    class Meta:
        verbose_name = "adresse exclue"
        verbose_name_plural = "liste d’exclusion"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.digest[:12]}… ({self.get_reason_display()})"

    @staticmethod
    def digest_for(email: str) -> str:
        """The form stored from now on (people/digests.py)."""
        return email_digest(email)

    @classmethod
    def matching(cls, email: str):
        """Rows for this address in any digest form, past ones included."""
        return cls.objects.filter(digest__in=email_digests(email))

    @classmethod
    def contains(cls, email: str) -> bool:
        return cls.matching(email).exists()

    @classmethod
    def add(cls, email: str, reason: str) -> Suppression:
        """Keep this address out, under the current digest form only (a past form is replaced)."""
        digest = email_digest(email)
        cls.matching(email).exclude(digest=digest).delete()
        return cls.objects.update_or_create(digest=digest, defaults={"reason": reason})[0]

    @classmethod
    def remove(cls, email: str) -> None:
        cls.matching(email).delete()


class CampaignQuerySet(models.QuerySet):
    def archived(self):
        return self.filter(status=Campaign.Status.SENT, in_archives=True).order_by("-sent_at")


class Campaign(PreviewableMixin, index.Indexed, models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Brouillon"
        SCHEDULED = "scheduled", "Programmée"
        SENDING = "sending", "Envoi en cours"
        SENT = "sent", "Envoyée"
        CANCELLED = "cancelled", "Annulée"

    subject = models.CharField("objet", max_length=150)
    preheader = models.CharField(
        "accroche",
        max_length=200,
        blank=True,
        help_text="Une phrase que les messageries affichent après l’objet.",
    )
    body = StreamField(CampaignBodyBlock(), verbose_name="contenu")
    topics = models.ManyToManyField(
        Topic,
        related_name="campaigns",
        verbose_name="thèmes visés",
        help_text="Les personnes inscrites à au moins un de ces thèmes la recevront.",
    )
    slug = models.SlugField("adresse dans les archives", max_length=80, unique=True, blank=True)
    in_archives = models.BooleanField("publier dans les archives du site", default=True)
    status = models.CharField(
        "état", max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    scheduled_at = models.DateTimeField("envoi programmé le", null=True, blank=True)
    started_at = models.DateTimeField("envoi commencé le", null=True, blank=True)
    sent_at = models.DateTimeField("envoyée le", null=True, blank=True)
    created_at = models.DateTimeField("créée le", default=timezone.now)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)

    objects = CampaignQuerySet.as_manager()

    panels = [
        FieldPanel("subject"),
        FieldPanel("preheader"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("slug"), FieldPanel("in_archives")], heading="Archives"),
    ]
    search_fields = [index.SearchField("subject"), index.AutocompleteField("subject")]

    class Meta:
        verbose_name = "campagne"
        verbose_name_plural = "campagnes"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self, self.subject, fallback="infolettre", max_length=70)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("newsletter:archive_detail", args=[self.slug])

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)

    def get_preview_template(self, request, mode_name):
        return "newsletter/campaign_preview.html"

    @property
    def preview_modes(self):
        return [("", "E-mail"), ("text", "Version texte")]

    def get_preview_context(self, request, mode_name):
        from .rendering import render_campaign

        rendered = render_campaign(self)
        return {
            "campaign": self,
            "mode": mode_name,
            "mail_html": rendered.html_sample(),
            "mail_text": rendered.text_sample(),
        }

    def progress(self) -> dict:
        """Counts by delivery state, for the live progress page (one query)."""
        D = Delivery.Status
        agg = self.deliveries.aggregate(
            total=Count("pk"),
            sent=Count("pk", filter=Q(status=D.SENT)),
            failed=Count("pk", filter=Q(status=D.FAILED)),
            sending=Count("pk", filter=Q(status=D.SENDING)),
            retrying=Count("pk", filter=Q(status=D.QUEUED, attempts__gt=0)),
        )
        done = agg["sent"] + agg["failed"]
        agg["percent"] = int(100 * done / agg["total"]) if agg["total"] else 0
        agg["done"] = done
        agg["remaining"] = agg["total"] - done
        elapsed = None
        if self.started_at:
            end = self.sent_at or timezone.now()
            elapsed = max((end - self.started_at).total_seconds(), 0.001)
        agg["rate"] = round(agg["sent"] / elapsed, 1) if elapsed else 0
        return agg


class Delivery(models.Model):
    """One recipient of one campaign: claimed by a worker, marked sent right after SMTP accepts."""

    class Status(models.TextChoices):
        QUEUED = "queued", "À envoyer"
        SENDING = "sending", "En cours"
        SENT = "sent", "Envoyé"
        FAILED = "failed", "Échec"

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(
        Subscriber, null=True, blank=True, on_delete=models.SET_NULL, related_name="deliveries"
    )
    email = models.CharField("adresse", max_length=254, blank=True)
    status = models.CharField("état", max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField("tentatives", default=0)
    next_attempt_at = models.DateTimeField("prochaine tentative", default=timezone.now)
    claimed_at = models.DateTimeField("pris en charge le", null=True, blank=True)
    sent_at = models.DateTimeField("envoyé le", null=True, blank=True)
    last_error = models.CharField("dernière erreur", max_length=500, blank=True)

    class Meta:
        verbose_name = "envoi"
        verbose_name_plural = "envois"
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "email"],
                condition=~Q(email=""),
                name="newsletter_one_delivery_per_address",
            )
        ]
        indexes = [
            # Claims walk it in primary-key order; next_wake() reads the earliest retry from it.
            models.Index(fields=["campaign", "status", "id"], name="newsletter_delivery_claim"),
        ]

    def __str__(self) -> str:
        return f"{self.campaign} → {self.email}"


class NewsletterPage(RaccordPage):
    """`/infolettre/`: the sign-up page; its archives live at `/infolettre/archives/`."""

    intro = RichTextField("présentation", blank=True, features=["bold", "italic", "link"])
    welcome_text = models.TextField(
        "message de bienvenue",
        default=(
            "Merci d’avoir rejoint l’infolettre d’On Est Raccord! Vous y recevrez, quelques fois "
            "par an, nos prochaines soirées, les nouvelles des résidences et des films, et les "
            "appels à participation."
        ),
        help_text=(
            "Envoyé par e-mail à chaque personne qui vient de confirmer son inscription, avant "
            "le lien pour choisir ses thèmes ou se désinscrire."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("welcome_text")]
    max_count = 1
    subpage_types: list = []

    class Meta:
        verbose_name = "page de l’infolettre"

    def get_context(self, request, *args, **kwargs):
        """The form is not here: the template asks `{% newsletter_signup_form %}`."""
        context = super().get_context(request, *args, **kwargs)
        context["hide_footer_signup"] = True  # one form per page is enough
        context["latest"] = Campaign.objects.archived().only("subject", "slug", "sent_at")[:3]
        return context
