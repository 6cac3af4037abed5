"""Partnerships and the exchanges with organisations: the collective's small CRM.

Organisations and partnership kinds belong to people (docs/decisions/0015).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from raccord.core.fields import optional_link
from raccord.core.models import RaccordPage, RoutedPage
from raccord.people.models import Organisation, PartnershipKind


class InteractionQuerySet(models.QuerySet):
    def open_follow_ups(self):
        """Next steps nobody has marked done yet."""
        return self.filter(done_at__isnull=True).exclude(next_step="")

    def due(self, *, within_days: int = 7):
        """Follow-ups whose date has come or comes within a week, late ones first."""
        limit = timezone.localdate() + timedelta(days=within_days)
        return (
            self.open_follow_ups()
            .filter(due_date__isnull=False, due_date__lte=limit)
            .order_by("due_date", "pk")
        )


class Interaction(models.Model):
    """One exchange with a person or an organisation, and what to do next."""

    class Channel(models.TextChoices):
        EMAIL = "email", "E-mail"
        PHONE = "phone", "Téléphone"
        MEETING = "meeting", "Rencontre"
        VIDEO = "video", "Visio"
        WEBSITE = "website", "Formulaire du site"
        EVENT = "event", "Pendant un événement"
        SOCIAL = "social", "Réseaux sociaux"
        MAIL = "mail", "Courrier"
        OTHER = "other", "Autre"

    date = models.DateField("date", default=timezone.localdate)
    channel = models.CharField("canal", max_length=20, choices=Channel.choices)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="interactions",
        verbose_name="organisation",
    )
    contact = optional_link(
        "people.Contact",
        "personne",
        related_name="interactions",
    )
    summary = models.TextField("résumé")
    next_step = models.CharField("prochaine étape", max_length=300, blank=True)
    due_date = models.DateField("à faire pour le", null=True, blank=True, db_index=True)
    owner = optional_link(
        settings.AUTH_USER_MODEL,
        "qui s’en charge",
        related_name="partner_follow_ups",
    )
    done_at = models.DateTimeField("fait le", null=True, blank=True)
    created_at = models.DateTimeField("créé le", default=timezone.now)

    objects = InteractionQuerySet.as_manager()

    panels = [
        FieldPanel("date"),
        FieldPanel("channel"),
        FieldPanel("organisation"),
        FieldPanel("contact"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("next_step"),
                FieldPanel("due_date"),
                FieldPanel("owner"),
                FieldPanel("done_at"),
            ],
            heading="Suite à donner",
        ),
    ]

    class Meta:
        verbose_name = "échange"
        verbose_name_plural = "échanges"
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        who = self.organisation or self.contact or "—"
        return f"{self.date:%d/%m/%Y} · {who} · {self.get_channel_display()}"

    @property
    def is_late(self) -> bool:
        return bool(self.due_date and not self.done_at and self.due_date < timezone.localdate())


class RequestStatus(models.TextChoices):
    NEW = "new", "Nouvelle"
    IN_PROGRESS = "in_progress", "En cours"
    DONE = "done", "Traitée"
    DECLINED = "declined", "Classée sans suite"


class PartnershipInquiry(models.Model):
    """A 'devenir partenaire' message from the public site."""

    contact = models.ForeignKey(
        "people.Contact",
        on_delete=models.CASCADE,
        related_name="partnership_inquiries",
        verbose_name="personne",
    )
    organisation = optional_link(
        Organisation,
        "organisation",
        related_name="inquiries",
    )
    role = models.CharField("fonction", max_length=150, blank=True)
    offers = models.ManyToManyField(
        PartnershipKind, blank=True, related_name="inquiries", verbose_name="ce qui est proposé"
    )
    message = models.TextField("message")
    status = models.CharField(
        "suivi", max_length=20, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    created_at = models.DateTimeField("reçue le", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "demande de partenariat"
        verbose_name_plural = "demandes de partenariat"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Partenariat · {self.organisation or self.contact} · {self.created_at:%d/%m/%Y}"

    def offers_display(self) -> str:
        return ", ".join(kind.name for kind in self.offers.all())

    offers_display.short_description = "ce qui est proposé"


class CoachingRequest(models.Model):
    """A crew or a school asking for a soirée-atelier, a training or coaching during a shoot."""

    class Offer(models.TextChoices):
        WORKSHOP = "workshop", "Soirée-atelier"
        TRAINING = "training", "Formation à la coopération pour une équipe"
        COACHING = "coaching", "Accompagnement d’une équipe pendant un tournage"

    contact = models.ForeignKey(
        "people.Contact",
        on_delete=models.CASCADE,
        related_name="coaching_requests",
        verbose_name="personne",
    )
    organisation = optional_link(
        Organisation,
        "structure",
        related_name="coaching_requests",
    )
    offer = models.CharField("demande", max_length=20, choices=Offer.choices)
    production = models.CharField("production ou projet", max_length=200)
    crew_size = models.PositiveSmallIntegerField("taille de l’équipe")
    shoot_start = models.DateField("début du tournage", null=True, blank=True)
    shoot_end = models.DateField("fin du tournage", null=True, blank=True)
    location = models.CharField("lieu", max_length=150, blank=True)
    needs = models.TextField("besoins")
    status = models.CharField(
        "suivi", max_length=20, choices=RequestStatus.choices, default=RequestStatus.NEW
    )
    created_at = models.DateTimeField("reçue le", default=timezone.now, db_index=True)

    class Meta:
        verbose_name = "demande de formation ou d’accompagnement"
        verbose_name_plural = "demandes de formation et d’accompagnement"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_offer_display()} · {self.production} · {self.created_at:%d/%m/%Y}"


class PartnersIndexPage(RoutedPage, RaccordPage):
    """`/partenaires/`: partners and companion collectives, and the way to join them."""

    intro = models.TextField("chapô", blank=True)
    body = RichTextField("texte", blank=True, features=["bold", "italic", "link", "h2", "ul"])
    call_to_action = models.TextField(
        "invitation à devenir partenaire",
        blank=True,
        help_text="Quelques lignes au-dessus du lien vers le formulaire.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("call_to_action"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    max_count = 1
    subpage_types: list = []
    template = "partners/partners_index_page.html"

    class Meta:
        verbose_name = "page des partenaires"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy querysets: the inquiry and thanks routes share this context without querying.
        shown = (
            Organisation.objects.shown_publicly()
            .select_related("logo")
            .prefetch_related("partnership_kinds", "logo__renditions")
            .order_by("name")
        )
        context["partners"] = shown.filter(circle=Organisation.Circle.PARTNER)
        context["companions"] = shown.filter(circle=Organisation.Circle.COMPANION)
        return context

    @path("")
    def index(self, request):
        return self.render(request)

    @path("devenir-partenaire/merci/")
    def inquiry_thanks(self, request):
        return self.render(
            request,
            template="partners/thanks.html",
            context_overrides={
                "heading": "Merci pour votre message",
                "received": "Votre proposition de partenariat",
                "back": "Retour à la page des partenaires",
            },
        )


class TrainingPage(RoutedPage, RaccordPage):
    """`/formations/`: what the collective offers crews, and the request form."""

    intro = models.TextField("chapô", blank=True)
    workshop_text = RichTextField(
        "soirée-atelier", blank=True, features=["bold", "italic", "link", "ul"]
    )
    training_text = RichTextField(
        "formation à la coopération", blank=True, features=["bold", "italic", "link", "ul"]
    )
    coaching_text = RichTextField(
        "accompagnement d’un tournage", blank=True, features=["bold", "italic", "link", "ul"]
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("workshop_text"), FieldPanel("training_text"), FieldPanel("coaching_text")],
            heading="Les offres",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("workshop_text"),
        index.SearchField("training_text"),
        index.SearchField("coaching_text"),
    ]
    max_count = 1
    subpage_types: list = []
    template = "partners/training_page.html"

    class Meta:
        verbose_name = "page des formations"

    @path("merci/")
    def thanks(self, request):
        return self.render(
            request,
            template="partners/thanks.html",
            context_overrides={
                "heading": "Merci pour votre demande",
                "received": "Votre demande",
                "back": "Retour aux formations",
            },
        )
