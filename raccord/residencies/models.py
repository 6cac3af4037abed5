"""Residencies: the page, its call for participants, applications, selection, crews, money.

The parity grid lives here too (`ParityGrid`, `ParityPost`) because the Plateau coopératif
reuses it; the computation is in `parity.py`.
"""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Sum
from django.utils import timezone
from django.utils.formats import date_format
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from raccord.core.blocks import BodyBlock
from raccord.core.models import RaccordPage


class ParityGrid(ClusterableModel):
    """A points grid for the parity bonus; data, because the CNC regulation changes."""

    class Kind(models.TextChoices):
        FICTION = "fiction", "Fiction"
        DOCUMENTARY = "documentaire", "Documentaire"

    name = models.CharField("nom", max_length=200)
    kind = models.CharField("genre", max_length=20, choices=Kind.choices, default=Kind.FICTION)
    threshold = models.DecimalField("seuil (points)", max_digits=5, decimal_places=2, default=5)
    source_note = models.TextField(
        "source et vérification",
        blank=True,
        help_text="D’où vient cette grille et quand elle a été vérifiée avec le règlement du CNC.",
    )
    effective_date = models.DateField("en vigueur depuis le", null=True, blank=True)
    is_default = models.BooleanField(
        "grille par défaut",
        default=False,
        help_text="Utilisée pour les équipes qui n’en choisissent pas d’autre.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("threshold"),
        FieldPanel("effective_date"),
        FieldPanel("is_default"),
        FieldPanel("source_note"),
        InlinePanel("posts", label="Postes et points"),
    ]

    class Meta:
        verbose_name = "grille de parité"
        verbose_name_plural = "grilles de parité"
        ordering = ["-is_default", "name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def default(cls, kind: str = Kind.FICTION) -> "ParityGrid | None":
        grids = cls.objects.prefetch_related("posts")
        grid = (
            grids.filter(kind=kind, is_default=True).first()
            or grids.filter(kind=kind).order_by("-effective_date").first()
        )
        if grid is None and kind == cls.Kind.FICTION:
            from .parity import ensure_default_grid

            grid = ensure_default_grid()
        return grid

    def score(self, assignments):
        from .parity import score

        return score(self, assignments)

    @property
    def max_score(self):
        return sum(p.points for p in self.posts.all())


class ParityPost(Orderable):
    grid = ParentalKey(
        ParityGrid, on_delete=models.CASCADE, related_name="posts", verbose_name="grille"
    )
    code = models.SlugField(
        "code du poste",
        max_length=50,
        help_text="Le même code que le poste tenu dans l’équipe (ex. « realisation »).",
    )
    label = models.CharField("intitulé", max_length=200)
    points = models.DecimalField("points", max_digits=4, decimal_places=2, default=1)

    panels = [FieldPanel("code"), FieldPanel("label"), FieldPanel("points")]

    class Meta:
        verbose_name = "poste de la grille"
        verbose_name_plural = "postes de la grille"
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["grid", "code"], name="parity_post_unique_code")
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.points} pt)"


# --- Roles and positions -------------------------------------------------------------------

ROLE_CHOICES = [
    ("realisation", "Réalisation"),
    ("scenario", "Scénario"),
    ("image", "Image"),
    ("son", "Son"),
    ("scripte", "Scripte"),
    ("regie", "Régie"),
    ("production", "Production"),
    ("decor", "Décor"),
    ("costumes", "Costumes"),
    ("maquillage", "Maquillage"),
    ("montage", "Montage"),
    ("interpretation", "Interprétation"),
    ("cuisine", "Cuisine"),
    ("facilitation", "Facilitation"),
    ("coordination", "Coordination"),
    ("autre", "Autre"),
]
ROLE_LABELS = dict(ROLE_CHOICES)

# Crew positions: the parity grid's codes first, then the other posts of a short-film crew.
POSITION_CHOICES = [
    ("realisation", "Réalisation"),
    ("representant_producteur", "Représentant·e légal·e de la production"),
    ("scenario", "Scénario"),
    ("direction_production", "Direction de production"),
    ("image", "Direction de la photographie"),
    ("son", "Ingénieur·e du son"),
    ("costumes", "Création des costumes"),
    ("decor", "Création des décors"),
    ("montage", "Montage"),
    ("assistanat_realisation", "Assistanat à la réalisation"),
    ("scripte", "Scripte"),
    ("regie", "Régie"),
    ("assistanat_image", "Assistanat image"),
    ("electricite_machinerie", "Électricité et machinerie"),
    ("perche", "Perche"),
    ("maquillage", "Maquillage et coiffure"),
    ("interpretation", "Interprétation"),
    ("autre", "Autre poste"),
]
POSITION_LABELS = dict(POSITION_CHOICES)


class Diet(models.TextChoices):
    OMNIVORE = "omnivore", "Je mange de tout"
    VEGETARIAN = "vegetarien", "Végétarien"
    VEGAN = "vegetalien", "Végétalien (vegan)"
    NO_PORK = "sans_porc", "Sans porc"
    OTHER = "autre", "Autre (précisé plus bas)"


# Optional self-description, only ever shown aggregated in groups of at least five people.
DIVERSITY_QUESTIONS = {
    "genre": (
        "Genre",
        [
            ("femme", "Femme"),
            ("homme", "Homme"),
            ("non_binaire", "Non-binaire"),
            ("autre", "Autrement"),
        ],
    ),
    "racisee": ("Personne racisée", [("oui", "Oui"), ("non", "Non")]),
    "handicap": ("Situation de handicap", [("oui", "Oui"), ("non", "Non")]),
    "premiere_experience": (
        "Premier tournage professionnel",
        [("oui", "Oui"), ("non", "Non")],
    ),
}
DIVERSITY_MIN_GROUP = 5


# --- Pages -----------------------------------------------------------------------------------


class ResidencyIndexPage(RoutablePageMixin, RaccordPage):
    intro = RichTextField("présentation", blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["residencies.ResidencyPage"]
    max_count = 1

    class Meta:
        verbose_name = "liste des résidences"

    def get_context(self, request, *args, **kwargs):
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


class ResidencyPage(RoutablePageMixin, RaccordPage):
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

    # Money ---------------------------------------------------------------------------------

    def budget_total(self) -> Decimal:
        return self.budget_lines.aggregate(total=Sum("amount"))["total"] or Decimal(0)

    def target(self) -> Decimal:
        return self.funding_target if self.funding_target is not None else self.budget_total()

    def funding_totals(self) -> dict:
        """Amounts by status; secured means granted or received."""
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

    # Public routes ------------------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["participant_groups"] = list(self.participant_groups.all())
        context["outputs"] = list(self.outputs.select_related("page", "image"))
        context["partner_list"] = list(self.partners.all())
        context["films"] = linked_films(self)
        context["call"] = current_call(self)
        context.update(support_context(self if self.show_support_block else None, request))
        return context

    @path("candidater/")
    def apply_view(self, request):
        from .views import apply_to_residency

        return apply_to_residency(request, self)

    @path("candidater/merci/")
    def thanks_view(self, request):
        from .views import application_thanks

        return application_thanks(request, self)


def support_context(residency, request=None) -> dict:
    from .templatetags.residencies_tags import support_context

    return support_context(residency, request)


def current_call(residency):
    from .views import current_call

    return current_call(residency)


def linked_films(residency) -> list:
    """Films whose page points to this residency (films app), read defensively."""
    try:
        from django.apps import apps

        film_model = apps.get_model("films", "FilmPage")
    except LookupError:
        return []
    if not any(f.name == "residency" for f in film_model._meta.get_fields()):
        return []
    return list(film_model.objects.live().filter(residency=residency).order_by("title"))


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
        EXHIBITION = "exposition", "Exposition"
        COMIC = "bd", "Bande dessinée"
        PHOTOS = "photos", "Photos"
        ARTICLE = "article", "Article"
        OTHER = "autre", "Autre"

    page_owner = ParentalKey(ResidencyPage, on_delete=models.CASCADE, related_name="outputs")
    kind = models.CharField("type", max_length=20, choices=Kind.choices, default=Kind.FILM)
    title = models.CharField("titre", max_length=200)
    description = models.TextField("description", blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="page du site (film, exposition…)",
    )
    url = models.URLField("ou adresse", blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="image",
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


# --- Call for participants -------------------------------------------------------------------


class CallQuerySet(models.QuerySet):
    def open(self, now=None):
        now = now or timezone.now()
        return self.filter(is_published=True, opens_at__lte=now, closes_at__gt=now)


class Call(ClusterableModel):
    residency = models.ForeignKey(
        ResidencyPage, on_delete=models.CASCADE, related_name="calls", verbose_name="résidence"
    )
    title = models.CharField("titre", max_length=200, default="Appel à participation")
    intro = models.TextField("présentation de l’appel", blank=True)
    opens_at = models.DateTimeField("ouverture des candidatures")
    closes_at = models.DateTimeField("clôture des candidatures")
    is_published = models.BooleanField("publié", default=True)
    team_email = models.EmailField(
        "notifier cette adresse",
        blank=True,
        help_text="Reçoit un message à chaque candidature ; par défaut l’adresse de l’équipe.",
    )
    created_at = models.DateTimeField("créé le", auto_now_add=True)

    objects = CallQuerySet.as_manager()

    panels = [
        FieldPanel("residency"),
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("opens_at"),
        FieldPanel("closes_at"),
        FieldPanel("is_published"),
        FieldPanel("team_email"),
        InlinePanel("roles", label="Rôles recherchés", min_num=1),
    ]

    class Meta:
        verbose_name = "appel à participation"
        verbose_name_plural = "appels à participation"
        ordering = ["-opens_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="call_closes_after_opening",
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} — {self.residency.title}"

    def clean(self):
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": "La clôture doit suivre l’ouverture."})

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.is_published and self.opens_at <= now < self.closes_at

    def is_upcoming(self, now=None) -> bool:
        return self.is_published and (now or timezone.now()) < self.opens_at

    def is_closed(self, now=None) -> bool:
        return (now or timezone.now()) >= self.closes_at


class CallRole(Orderable):
    call = ParentalKey(Call, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField("rôle", max_length=30, choices=ROLE_CHOICES)
    places = models.PositiveSmallIntegerField("places", default=1)
    description = models.CharField("précisions", max_length=300, blank=True)

    panels = [FieldPanel("role"), FieldPanel("places"), FieldPanel("description")]

    class Meta(Orderable.Meta):
        verbose_name = "rôle recherché"
        verbose_name_plural = "rôles recherchés"
        constraints = [models.UniqueConstraint(fields=["call", "role"], name="call_role_unique")]

    def __str__(self) -> str:
        return self.get_role_display()


# --- Applications and selection --------------------------------------------------------------


class ApplicationQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(status=Application.Status.ACCEPTED)


class Application(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "recue", "Reçue"
        ACCEPTED = "retenue", "Retenue"
        WAITLIST = "liste_attente", "Liste d’attente"
        DECLINED = "non_retenue", "Non retenue"

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="applications", verbose_name="appel"
    )
    contact = models.ForeignKey(
        "people.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="residency_applications",
        verbose_name="contact",
    )
    name = models.CharField("nom", max_length=200)
    pronouns = models.CharField("pronoms", max_length=50, blank=True)
    roles = models.ManyToManyField(CallRole, related_name="applications", verbose_name="rôles")
    experience = models.TextField("expérience", blank=True)
    links = models.TextField("liens", blank=True)
    motivation = models.TextField("motivation")
    availability = models.TextField("disponibilités", blank=True)
    arrival_date = models.DateField("arrivée prévue", null=True, blank=True)
    departure_date = models.DateField("départ prévu", null=True, blank=True)
    accessibility_needs = models.TextField("besoins d’accessibilité", blank=True)
    diet = models.CharField(
        "régime alimentaire", max_length=20, choices=Diet.choices, default=Diet.OMNIVORE
    )
    dietary_notes = models.TextField("allergies et précisions alimentaires", blank=True)
    diversity_consent = models.BooleanField("accord pour les statistiques", default=False)
    diversity = models.JSONField("auto-description", default=dict, blank=True)
    status = models.CharField(
        "décision", max_length=20, choices=Status.choices, default=Status.SUBMITTED, db_index=True
    )
    decided_at = models.DateTimeField("décidée le", null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="décidée par",
    )
    submissions = models.PositiveSmallIntegerField("envois", default=1)
    created_at = models.DateTimeField("reçue le", default=timezone.now)
    updated_at = models.DateTimeField("mise à jour le", auto_now=True)
    anonymised_at = models.DateTimeField("anonymisée le", null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        verbose_name = "candidature"
        verbose_name_plural = "candidatures"
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "contact"], name="one_application_per_person_and_call"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name or 'Candidature anonymisée'} — {self.call}"

    @property
    def role_labels(self) -> list[str]:
        return [r.get_role_display() for r in self.roles.all()]


class Opinion(models.Model):
    class Verdict(models.TextChoices):
        YES = "oui", "Oui"
        MAYBE = "peut_etre", "Peut-être"
        NO = "non", "Non"

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="opinions", verbose_name="candidature"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="residency_opinions",
        verbose_name="relecteur·ice",
    )
    verdict = models.CharField("avis", max_length=10, choices=Verdict.choices)
    comment = models.TextField("commentaire", blank=True)
    created_at = models.DateTimeField("donné le", default=timezone.now)
    updated_at = models.DateTimeField("modifié le", auto_now=True)

    class Meta:
        verbose_name = "avis"
        verbose_name_plural = "avis"
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "reviewer"], name="one_opinion_per_reviewer"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_verdict_display()} — {self.reviewer}"


# --- Crews -----------------------------------------------------------------------------------


class Crew(models.Model):
    residency = models.ForeignKey(
        ResidencyPage, on_delete=models.CASCADE, related_name="crews", verbose_name="résidence"
    )
    film_title = models.CharField("film (titre de travail)", max_length=200)
    film_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="page du film",
    )
    parity_grid = models.ForeignKey(
        ParityGrid,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="crews",
        verbose_name="grille de parité",
        help_text="Par défaut, la grille fiction du CNC.",
    )
    notes = models.TextField("notes", blank=True)

    panels = [
        FieldPanel("residency"),
        FieldPanel("film_title"),
        FieldPanel("film_page"),
        FieldPanel("parity_grid"),
        FieldPanel("notes"),
    ]

    class Meta:
        verbose_name = "équipe"
        verbose_name_plural = "équipes"
        ordering = ["residency", "film_title"]

    def __str__(self) -> str:
        return f"{self.film_title} ({self.residency.title})"

    def grid(self):
        return self.parity_grid or ParityGrid.default()

    def parity(self):
        from . import parity

        grid = self.grid()
        spec = parity.as_spec(grid) if grid else parity.default_spec()
        members = self.members.all()
        return parity.score(spec, [(m.position, m.is_woman) for m in members])


class CrewMember(models.Model):
    class ParityAnswer(models.TextChoices):
        YES = "oui", "Oui"
        NO = "non", "Non"
        UNKNOWN = "", "Non renseigné"

    crew = models.ForeignKey(
        Crew, on_delete=models.CASCADE, related_name="members", verbose_name="équipe"
    )
    application = models.ForeignKey(
        Application,
        on_delete=models.CASCADE,
        related_name="crew_positions",
        verbose_name="personne",
    )
    position = models.CharField("poste", max_length=40, choices=POSITION_CHOICES)
    counts_as_woman = models.CharField(
        "compte comme femme pour la grille de parité",
        max_length=3,
        choices=ParityAnswer.choices,
        blank=True,
        default="",
        help_text="À demander à la personne ; « non renseigné » ne compte pas.",
    )

    class Meta:
        verbose_name = "membre d’équipe"
        verbose_name_plural = "membres d’équipe"
        ordering = ["crew", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["crew", "application", "position"], name="crew_member_unique_post"
            )
        ]

    def __str__(self) -> str:
        return f"{self.application.name} — {self.get_position_display()}"

    @property
    def is_woman(self) -> bool | None:
        return {"oui": True, "non": False}.get(self.counts_as_woman)


# --- Budget and funding ----------------------------------------------------------------------


class BudgetLine(models.Model):
    class Category(models.TextChoices):
        HOUSING = "hebergement", "Hébergement"
        MEALS = "repas", "Repas"
        TRANSPORT = "transport", "Transport"
        EQUIPMENT = "materiel", "Matériel"
        PAY = "remunerations", "Rémunérations"
        FACILITATION = "facilitation", "Facilitation"
        POSTPRODUCTION = "postproduction", "Postproduction"
        COMMUNICATION = "communication", "Communication"
        OTHER = "autre", "Autre"

    residency = models.ForeignKey(
        ResidencyPage,
        on_delete=models.CASCADE,
        related_name="budget_lines",
        verbose_name="résidence",
    )
    category = models.CharField("poste", max_length=20, choices=Category.choices)
    label = models.CharField("intitulé", max_length=200)
    amount = models.DecimalField("montant (€)", max_digits=10, decimal_places=2)
    notes = models.TextField("notes", blank=True)

    class Meta:
        verbose_name = "ligne de budget"
        verbose_name_plural = "lignes de budget"
        ordering = ["residency", "category", "label"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="budget_amount_positive")
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.amount} €)"


class FundingSource(models.Model):
    class Kind(models.TextChoices):
        PARTNER = "partenaire", "Partenaire"
        PUBLIC_GRANT = "subvention", "Subvention publique"
        DONATIONS = "dons", "Dons"
        EVENT_TAKINGS = "soiree", "Recettes de soirée"
        OWN_FUNDS = "fonds_propres", "Fonds propres"
        OTHER = "autre", "Autre"

    class Status(models.TextChoices):
        REQUESTED = "sollicite", "Sollicité"
        GRANTED = "accorde", "Accordé"
        RECEIVED = "recu", "Reçu"

    residency = models.ForeignKey(
        ResidencyPage,
        on_delete=models.CASCADE,
        related_name="funding_sources",
        verbose_name="résidence",
    )
    kind = models.CharField("type", max_length=20, choices=Kind.choices)
    name = models.CharField("source", max_length=200)
    organisation = models.ForeignKey(
        "people.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="residency_funding",
        verbose_name="organisation",
    )
    amount = models.DecimalField("montant (€)", max_digits=10, decimal_places=2)
    status = models.CharField(
        "état", max_length=20, choices=Status.choices, default=Status.REQUESTED
    )
    requested_on = models.DateField("demandé le", null=True, blank=True)
    notes = models.TextField("notes", blank=True)

    class Meta:
        verbose_name = "financement"
        verbose_name_plural = "financements"
        ordering = ["residency", "status", "name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(amount__gte=0), name="funding_amount_positive"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.amount} €, {self.get_status_display().lower()})"

    @property
    def is_secured(self) -> bool:
        return self.status in (self.Status.GRANTED, self.Status.RECEIVED)
