"""Soirées: the index, event pages, venues and registrations (with their waitlist)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from urllib.parse import quote_plus

from django.conf import settings
from django.core.paginator import Paginator
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q, Sum
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from raccord.core.fields import optional_link
from raccord.core.models import RaccordPage

from .blocks import ProgrammeBlock


class Venue(index.Indexed, models.Model):
    """A place where soirées happen; a plain link to OpenStreetMap, never an embedded map."""

    name = models.CharField("nom", max_length=200)
    address = models.CharField("adresse", max_length=300, blank=True)
    postcode = models.CharField("code postal", max_length=10, blank=True)
    city = models.CharField("ville", max_length=100)
    access = models.TextField(
        "comment venir", blank=True, help_text="Transports en commun, vélo, stationnement…"
    )
    accessibility = models.TextField(
        "accessibilité",
        blank=True,
        help_text="Accès en fauteuil, toilettes, boucle magnétique, lieu calme…",
    )
    osm_url = models.URLField(
        "lien OpenStreetMap",
        blank=True,
        help_text="Laissez vide pour un lien de recherche construit à partir de l’adresse.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("address"),
        FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
        FieldPanel("access"),
        FieldPanel("accessibility"),
        FieldPanel("osm_url"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("city")]

    class Meta:
        verbose_name = "lieu"
        verbose_name_plural = "lieux"
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.city})" if self.city else self.name

    @property
    def full_address(self) -> str:
        town = " ".join(part for part in (self.postcode, self.city) if part)
        return ", ".join(part for part in (self.address, town) if part)

    @property
    def map_url(self) -> str:
        if self.osm_url:
            return self.osm_url
        query = quote_plus(f"{self.name}, {self.full_address}")
        return f"https://www.openstreetmap.org/search?query={query}"


# The kinds' values until 2026 (migration 0003 converted the rows); old `?type=` links still work.
LEGACY_KINDS = {
    "soiree": "evening",
    "projection": "screening",
    "atelier": "workshop",
    "table-ronde": "round_table",
    "residence": "residency",
}


class EventIndexPage(RaccordPage):
    intro = models.TextField("chapô", blank=True)
    cache_params = ("type", "page", "passees")

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["events.EventPage"]
    max_count = 1
    PAST_SHOWN = 12
    UPCOMING_PER_PAGE = 30

    class Meta:
        verbose_name = "liste des soirées"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        kind = request.GET.get("type", "")
        kind = LEGACY_KINDS.get(kind, kind)  # links shared before the values became English
        kinds = dict(EventPage.Kind.choices)
        events = (
            EventPage.objects.live()
            .child_of(self)
            .select_related("venue")
            .only(*EventPage.LISTING_FIELDS)
        )
        if kind in kinds:
            events = events.filter(kind=kind)
        else:
            kind = ""
        now = timezone.now()
        # Paginated, as the past ones are capped: a page's weight must not grow with the data.
        paginator = Paginator(events.filter(end__gte=now).order_by("start"), self.UPCOMING_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        upcoming = list(page_obj.object_list)
        # Past soirées by pages of PAST_SHOWN, newest first: the archive grows every month, the
        # page must not; older ones are a link away (`?passees=2`), without JavaScript.
        # One query whatever the archive's size: a row more than shown says whether older exist.
        number = request.GET.get("passees", "")
        number = max(1, min(int(number), 1000)) if number.isdigit() else 1
        start = (number - 1) * self.PAST_SHOWN
        rows = list(
            events.filter(end__lt=now).order_by("-start")[start : start + self.PAST_SHOWN + 1]
        )
        past = rows[: self.PAST_SHOWN]
        past_page = {
            "number": number,
            "has_previous": number > 1,
            "previous_page_number": number - 1,
            "has_next": len(rows) > self.PAST_SHOWN,
            "next_page_number": number + 1,
        }
        past_page["has_other_pages"] = past_page["has_previous"] or past_page["has_next"]
        remaining = EventPage.remaining_seats_for(upcoming)
        for event in upcoming:
            event.remaining_cached = remaining.get(event.pk)
        context.update(
            upcoming=upcoming,
            past=past,
            kinds=kinds.items(),
            kind=kind,
            kind_label=kinds.get(kind),
            page_obj=page_obj,
            past_page=past_page,
        )
        return context


class EventQuerySet(PageQuerySet):
    def upcoming(self):
        return self.live().filter(end__gte=timezone.now()).order_by("start")

    def past(self):
        return self.live().filter(end__lt=timezone.now()).order_by("-start")


EventManager = PageManager.from_queryset(EventQuerySet)


class EventPage(RaccordPage):
    class Kind(models.TextChoices):
        EVENING = "evening", "Soirée"
        SCREENING = "screening", "Projection"
        WORKSHOP = "workshop", "Atelier"
        ROUND_TABLE = "round_table", "Table ronde"
        RESIDENCY = "residency", "Résidence"

    class Price(models.TextChoices):
        FREE = "free", "Gratuit"
        PAY_WHAT_YOU_CAN = "pwyc", "Prix libre"
        FIXED = "fixed", "Tarif"

    kind = models.CharField("type", max_length=20, choices=Kind.choices, default=Kind.EVENING)
    start = models.DateTimeField("début", db_index=True)
    end = models.DateTimeField("fin", db_index=True)
    venue = optional_link(
        Venue,
        "lieu",
        related_name="events",
    )
    intro = models.TextField("chapô", blank=True)
    programme = StreamField(ProgrammeBlock(), blank=True, verbose_name="programme")
    price_kind = models.CharField("prix", max_length=10, choices=Price.choices, default=Price.FREE)
    price = models.DecimalField("tarif (€)", max_digits=7, decimal_places=2, null=True, blank=True)
    price_note = models.CharField(
        "précision sur le prix", max_length=200, blank=True, help_text="Ex. : tarif réduit 5 €"
    )
    registration_enabled = models.BooleanField("inscriptions en ligne", default=True)
    capacity = models.PositiveIntegerField(
        "jauge", null=True, blank=True, help_text="Nombre de places ; vide = sans limite."
    )
    max_seats_per_registration = models.PositiveSmallIntegerField(
        "places maximum par inscription", default=4, validators=[MinValueValidator(1)]
    )
    registration_opens_at = models.DateTimeField(
        "ouverture des inscriptions", null=True, blank=True
    )
    registration_closes_at = models.DateTimeField(
        "clôture des inscriptions",
        null=True,
        blank=True,
        help_text="Vide : les inscriptions ferment au début de la soirée.",
    )
    ask_dietary = models.BooleanField("demander le régime alimentaire", default=False)
    ask_accessibility = models.BooleanField("demander les besoins d’accessibilité", default=False)
    ask_heard_from = models.BooleanField(
        "demander comment la personne nous a connu·es", default=False
    )
    custom_question = models.CharField(
        "question libre",
        max_length=200,
        blank=True,
        help_text="Laissez vide pour ne rien demander.",
    )
    recap = models.TextField(
        "après la soirée", blank=True, help_text="Quelques mots sur ce qui s’est passé."
    )

    objects = EventManager()

    LISTING_FIELDS = (
        "title",
        "slug",
        "url_path",
        "path",
        "depth",
        "kind",
        "start",
        "end",
        "intro",
        "capacity",
        "registration_enabled",
        "registration_opens_at",
        "registration_closes_at",
        "venue__name",
        "venue__city",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading="Dates (heure de Paris)"),
        FieldPanel("venue"),
        FieldPanel("intro"),
        FieldPanel("programme"),
        MultiFieldPanel(
            [FieldPanel("price_kind"), FieldPanel("price"), FieldPanel("price_note")],
            heading="Prix",
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_enabled"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("max_seats_per_registration")]),
                FieldRowPanel(
                    [FieldPanel("registration_opens_at"), FieldPanel("registration_closes_at")]
                ),
            ],
            heading="Inscriptions",
        ),
        MultiFieldPanel(
            [
                FieldPanel("ask_dietary"),
                FieldPanel("ask_accessibility"),
                FieldPanel("ask_heard_from"),
                FieldPanel("custom_question"),
            ],
            heading="Questions posées à l’inscription",
        ),
        MultiFieldPanel(
            [FieldPanel("recap"), InlinePanel("photos", label="photo")],
            heading="Après la soirée",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("programme"),
        index.FilterField("start"),
    ]
    parent_page_types = ["events.EventIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = "soirée"
        verbose_name_plural = "soirées"

    # Seats -----------------------------------------------------------------

    def confirmed_seats(self) -> int:
        return (
            self.registrations.filter(status=Registration.Status.CONFIRMED).aggregate(
                n=Sum("seats")
            )["n"]
            or 0
        )

    def remaining_seats(self) -> int | None:
        """Seats left, None when unlimited. One aggregate query: cheap enough for places.json."""
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed_seats(), 0)

    @staticmethod
    def remaining_seats_for(events) -> dict[int, int | None]:
        """Seats left for many events in one query (listings, the API)."""
        limited = [e.pk for e in events if e.capacity is not None]
        taken = dict(
            Registration.objects.filter(event_id__in=limited, status=Registration.Status.CONFIRMED)
            .values("event_id")
            .annotate(n=Sum("seats"))
            .values_list("event_id", "n")
        )
        if not limited:
            taken = {}
        return {
            e.pk: None if e.capacity is None else max(e.capacity - (taken.get(e.pk) or 0), 0)
            for e in events
        }

    # Registration window ---------------------------------------------------

    @property
    def registration_closes(self):
        return self.registration_closes_at or self.start

    def is_past(self, now=None) -> bool:
        return (now or timezone.now()) >= self.end

    def registration_state(self, now=None) -> str:
        """'none', 'not_yet', 'open' or 'closed' (the page and the API say it the same way)."""
        now = now or timezone.now()
        if not self.registration_enabled:
            return "none"
        if self.registration_opens_at and now < self.registration_opens_at:
            return "not_yet"
        if now >= self.registration_closes or now >= self.end:
            return "closed"
        return "open"

    def registration_is_open(self, now=None) -> bool:
        return self.registration_state(now) == "open"

    # Presentation -----------------------------------------------------------

    @property
    def price_label(self) -> str:
        if self.price_kind == self.Price.FIXED and self.price is not None:
            amount = f"{self.price:.2f}".replace(".00", "").replace(".", ",")
            return f"{amount} €"
        return self.get_price_kind_display()

    def questions(self) -> list[tuple[str, str]]:
        """The optional questions picked for this event, as (key, label)."""
        asked = []
        if self.ask_dietary:
            asked.append(("dietary", "Régime alimentaire ou allergies"))
        if self.ask_accessibility:
            asked.append(("accessibility", "Besoins d’accessibilité"))
        if self.ask_heard_from:
            asked.append(("heard_from", "Comment avez-vous connu la soirée ?"))
        if self.custom_question:
            asked.append(("custom", self.custom_question))
        return asked

    def recordings_list(self) -> list:
        """Recordings published by the films app for this event (none until it exists)."""
        related = getattr(self, "recordings", None)
        if related is None:
            return []
        try:
            return list(related.live().order_by("pk")) if hasattr(related, "live") else []
        except Exception:  # noqa: BLE001 - the films app may still be migrating
            return []

    def card(self):
        """A soirée's card (the infolettre's): its kind, date, place and introduction."""
        return replace(
            super().card(),
            label=self.get_kind_display(),
            when=self.start,
            meta=str(self.venue) if self.venue_id else "",
            text=self.intro,
            link_label="Voir la soirée",
        )

    def ics_url(self) -> str:
        return reverse("events:event_ics", args=[self.pk])

    def places_url(self) -> str:
        return reverse("events:places", args=[self.pk])

    def register_url(self) -> str:
        return reverse("events:register", args=[self.pk])

    def get_context(self, request, *args, **kwargs):
        """The form is not here: the template asks `{% registration_form %}` (events_tags)."""
        from .jsonld import event_jsonld

        context = super().get_context(request, *args, **kwargs)
        context["remaining"] = self.remaining_seats()
        context["state"] = self.registration_state()
        context["recordings"] = self.recordings_list()
        context["photos"] = list(self.photos.select_related("image"))
        context["jsonld"] = event_jsonld(self, request, context["remaining"])
        return context


class EventPhoto(Orderable):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name="image"
    )
    alt_text = models.CharField(
        "texte alternatif",
        max_length=250,
        help_text="Ce que montre la photo, pour qui ne la voit pas.",
    )
    caption = models.CharField("légende", max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt_text"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = "photo"
        verbose_name_plural = "photos"


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(
            status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
        )

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED).order_by("waitlisted_at", "pk")


class Registration(models.Model):
    """One person's seats at one event. Anonymised after the retention period, never deleted."""

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", "Confirmée"
        WAITLISTED = "waitlisted", "Liste d’attente"
        CANCELLED = "cancelled", "Annulée"

    event = models.ForeignKey(
        EventPage, on_delete=models.CASCADE, related_name="registrations", verbose_name="soirée"
    )
    contact = optional_link(
        "people.Contact",
        "contact",
        related_name="registrations",
    )
    name = models.CharField("nom", max_length=200, blank=True)
    email = models.EmailField("e-mail", max_length=254, blank=True)
    seats = models.PositiveSmallIntegerField("places", default=1)
    status = models.CharField("état", max_length=12, choices=Status.choices, db_index=True)
    answers = models.JSONField("réponses", default=dict, blank=True)
    newsletter_opt_in = models.BooleanField("veut l’infolettre", default=False)
    created_at = models.DateTimeField("inscrit·e le", default=timezone.now)
    updated_at = models.DateTimeField("modifiée le", auto_now=True)
    waitlisted_at = models.DateTimeField("en attente depuis", null=True, blank=True)
    confirmed_at = models.DateTimeField("confirmée le", null=True, blank=True)
    cancelled_at = models.DateTimeField("annulée le", null=True, blank=True)
    cancel_reason = models.CharField(
        "motif de l’annulation",
        max_length=300,
        blank=True,
        help_text="Vide quand la personne a annulé elle-même depuis son lien.",
    )
    present_at = models.DateTimeField("présent·e (arrivée à)", null=True, blank=True)
    reminded_at = models.DateTimeField("rappel envoyé le", null=True, blank=True)
    anonymised_at = models.DateTimeField("anonymisée le", null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()
    # No page or snippet ever links to a registration: skip Wagtail's reference index task.
    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = "inscription"
        verbose_name_plural = "inscriptions"
        ordering = ["event", "created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=~Q(email=""),
                name="events_one_registration_per_email",
            )
        ]
        indexes = [models.Index(fields=["event", "status"])]

    def __str__(self) -> str:
        who = self.name or self.email or "inscription anonymisée"
        return f"{who} · {self.event.title}" if self.event_id else who

    @property
    def is_present(self) -> bool:
        return self.present_at is not None

    @property
    def answer_items(self) -> list[tuple[str, str]]:
        labels = dict(self.event.questions()) if self.event_id else {}
        return [(labels.get(k, k), v) for k, v in (self.answers or {}).items() if v]

    def answers_text(self) -> str:
        return " · ".join(f"{label} : {value}" for label, value in self.answer_items)

    def manage_link_max_age(self) -> timedelta:
        """Links stay valid until the event is over, plus a margin."""
        left = self.event.end - timezone.now() if self.event_id else timedelta(0)
        return max(left, timedelta(0)) + timedelta(days=7)


def retention_days() -> int:
    return int(getattr(settings, "RACCORD_REGISTRATION_RETENTION_DAYS", 365))
