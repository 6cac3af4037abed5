"""The residency pages: the list, each residency, its participants and what came out of it."""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, Site
from wagtail.query import PageQuerySet
from wagtail.search import index

from raccord.core.blocks import BodyBlock
from raccord.core.fields import optional_link
from raccord.core.models import RaccordPage, RoutedPage, SiteSettings


class ResidencyIndexPage(RoutablePageMixin, RaccordPage):
    intro = RichTextField("présentation", blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["residencies.ResidencyPage"]
    max_count = 1

    class Meta:
        verbose_name = "liste des résidences"

    def get_context(self, request, *args, **kwargs):
        from .calls import Call  # calls.py imports this module

        context = super().get_context(request, *args, **kwargs)
        residencies = list(ResidencyPage.objects.child_of(self).live().order_by("-start_date"))
        open_ids = set(Call.objects.open().values_list("residency_id", flat=True))
        for residency in residencies:
            residency.has_open_call = residency.pk in open_ids
        context["residencies"] = residencies
        context.update(support_context(ResidencyPage.next_to_support(), request))
        return context


class ResidencyPageQuerySet(PageQuerySet):
    def upcoming(self):
        today = timezone.localdate()
        return self.live().filter(models.Q(end_date__gte=today) | models.Q(end_date__isnull=True))


class ResidencyPage(RoutedPage, RaccordPage):
    """A residency; its application form and thanks page are mounted by views.py (apps.py)."""

    start_date = models.DateField("début", null=True, blank=True)
    end_date = models.DateField("fin", null=True, blank=True)
    period_label = models.CharField(
        "période affichée",
        max_length=100,
        blank=True,
        help_text="Si les dates ne sont pas encore fixées, par exemple « printemps 2026 ».",
    )
    place = models.CharField("lieu", max_length=200, blank=True)
    region = models.CharField("région", max_length=120, blank=True)
    intro = models.TextField("chapô", blank=True)
    story = StreamField(BodyBlock(), blank=True, verbose_name="récit")
    partners = ParentalManyToManyField(
        "people.Organisation", blank=True, related_name="residencies", verbose_name="partenaires"
    )
    funding_target = models.DecimalField(
        "objectif de financement (€)",
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Laissez vide pour prendre le total des lignes de budget.",
    )
    show_support_block = models.BooleanField(
        "afficher « Soutenir la prochaine résidence »",
        default=False,
        help_text="Affiche la barre de financement et le lien vers la page de dons.",
    )

    objects = PageManager.from_queryset(ResidencyPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("start_date"),
                FieldPanel("end_date"),
                FieldPanel("period_label"),
                FieldPanel("place"),
                FieldPanel("region"),
            ],
            heading="Quand et où",
        ),
        FieldPanel("intro"),
        FieldPanel("story"),
        FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
        InlinePanel("participant_groups", label="Participant·es par rôle"),
        InlinePanel("outputs", label="Ce qui en est sorti (films, exposition, photos…)"),
        MultiFieldPanel(
            [FieldPanel("funding_target"), FieldPanel("show_support_block")],
            heading="Financement",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("story")]
    parent_page_types = ["residencies.ResidencyIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = "résidence"
        verbose_name_plural = "résidences"

    @property
    def when(self) -> str:
        """Dates in French, or the period label while dates are not fixed."""
        if self.period_label or not self.start_date:
            return self.period_label
        if self.end_date and self.end_date != self.start_date:
            return f"du {date_format(self.start_date, 'j F Y')} au {date_format(self.end_date, 'j F Y')}"
        return date_format(self.start_date, "j F Y")

    @property
    def participant_total(self) -> int:
        return sum(group.count for group in self.participant_groups.all())

    def open_call(self):
        return next((call for call in self.calls.all() if call.is_open()), None)

    def current_call(self):
        """The open call, else the next one, else the latest closed one."""
        calls = list(self.calls.filter(is_published=True).prefetch_related("roles"))
        return (
            next((c for c in calls if c.is_open()), None)
            or next((c for c in sorted(calls, key=lambda c: c.opens_at) if c.is_upcoming()), None)
            or (calls[0] if calls else None)
        )

    # Money ---------------------------------------------------------------------------------

    def budget_total(self) -> Decimal:
        return self.budget_lines.aggregate(total=Sum("amount"))["total"] or Decimal(0)

    def target(self) -> Decimal:
        return self.funding_target if self.funding_target is not None else self.budget_total()

    def funding_totals(self) -> dict:
        """Amounts by status; secured means granted or received."""
        from .budget import FundingSource  # budget.py imports this module

        rows = self.funding_sources.values("status").annotate(total=Sum("amount"))
        by_status = {row["status"]: row["total"] or Decimal(0) for row in rows}
        requested = by_status.get(FundingSource.Status.REQUESTED, Decimal(0))
        granted = by_status.get(FundingSource.Status.GRANTED, Decimal(0))
        received = by_status.get(FundingSource.Status.RECEIVED, Decimal(0))
        target = self.target()
        secured = granted + received
        return {
            "target": target,
            "requested": requested,
            "granted": granted,
            "received": received,
            "secured": secured,
            "remaining": max(Decimal(0), target - secured),
            "percent": min(100, int(secured * 100 / target)) if target else 0,
        }

    @classmethod
    def next_to_support(cls):
        """The residency whose funding the public is asked to support, if any."""
        return (
            cls.objects.live()
            .filter(show_support_block=True)
            .order_by(models.F("start_date").asc(nulls_last=True))
            .first()
        )

    # Public page ---------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["participant_groups"] = list(self.participant_groups.all())
        context["outputs"] = list(self.outputs.select_related("page", "image"))
        context["partner_list"] = list(self.partners.all())
        # FilmPage.residency (films app) points here; the reverse relation needs no import.
        context["films"] = list(self.films.live().order_by("title"))
        context["call"] = self.current_call()
        context.update(support_context(self if self.show_support_block else None, request))
        return context


def donation_url(request=None) -> str:
    """The collective's donation page: the site setting if filled, else the deployment's."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    if site is not None:
        url = SiteSettings.for_site(site).donation_url
        if url:
            return url
    return settings.RACCORD_DONATION_URL


def support_context(residency, request=None) -> dict:
    """What the "Soutenir la prochaine résidence" block shows (`_support.html`)."""
    if residency is None:
        return {"support": None}
    return {
        "support": residency,
        "totals": residency.funding_totals(),
        "donation_url": donation_url(request),
    }


class ParticipantGroup(Orderable):
    """How many people held a role at the residency (facilitation, cuisine…)."""

    page = ParentalKey(ResidencyPage, on_delete=models.CASCADE, related_name="participant_groups")
    role = models.CharField("rôle", max_length=120)
    count = models.PositiveSmallIntegerField("nombre de personnes")

    panels = [FieldPanel("role"), FieldPanel("count")]

    class Meta(Orderable.Meta):
        verbose_name = "participant·es d’un rôle"


class ResidencyOutput(Orderable):
    class Kind(models.TextChoices):
        FILM = "film", "Film"
        EXHIBITION = "exhibition", "Exposition"
        COMIC = "comic", "Bande dessinée"
        PHOTOS = "photos", "Photos"
        ARTICLE = "article", "Article"
        OTHER = "other", "Autre"

    page_owner = ParentalKey(ResidencyPage, on_delete=models.CASCADE, related_name="outputs")
    kind = models.CharField("type", max_length=20, choices=Kind.choices, default=Kind.FILM)
    title = models.CharField("titre", max_length=200)
    description = models.TextField("description", blank=True)
    page = optional_link(
        "wagtailcore.Page",
        "page du site (film, exposition…)",
    )
    url = models.URLField("ou adresse", blank=True)
    image = optional_link(
        "wagtailimages.Image",
        "image",
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("page"),
        FieldPanel("url"),
        FieldPanel("image"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "réalisation de la résidence"

    @property
    def link(self) -> str:
        if self.page_id and self.page.live:
            return self.page.url
        return self.url
