"""Plateau coopératif: a private workspace for one crew during one shoot.

Every row below hangs off a `Production`; views and services always filter by the signed-in
member's production, so one crew never reads another's data.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from raccord.core.fields import optional_link


class Production(models.Model):
    """A film being shot by a crew the collective works with (a residency crew, a coached crew)."""

    class Kind(models.TextChoices):
        SHORT = "short", "Court métrage"
        FEATURE = "feature", "Long métrage"
        DOCUMENTARY = "documentary", "Documentaire"
        OTHER = "other", "Autre"

    title = models.CharField("titre", max_length=200)
    slug = models.SlugField("identifiant", max_length=80, unique=True)
    kind = models.CharField("type d’œuvre", max_length=20, choices=Kind, default=Kind.SHORT)
    context = models.CharField(
        "contexte",
        max_length=200,
        blank=True,
        help_text="Par exemple : « Résidence printemps 2026 » ou « Accompagnement d’équipe ».",
    )
    description = models.TextField("présentation", blank=True)
    location = models.CharField("lieu principal", max_length=200, blank=True)
    first_shooting_day = models.DateField("premier jour de tournage", null=True, blank=True)
    last_shooting_day = models.DateField("dernier jour de tournage", null=True, blank=True)
    vhss_training_required = models.BooleanField(
        "formations VHSS demandées",
        default=True,
        help_text="Module 1 en ligne, module 2 en présentiel au plus tard 15 jours après le "
        "premier jour de tournage (obligatoire pour les longs métrages aidés par le CNC).",
    )
    parity_grid = optional_link(
        "residencies.ParityGrid",
        "grille de parité",
    )
    residency_crew = models.OneToOneField(
        "residencies.Crew",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="plateau_production",
        verbose_name="équipe de résidence",
        help_text="L’équipe de résidence dont ce tournage reprend les personnes.",
    )
    archived = models.BooleanField("archivée", default=False)
    created_at = models.DateTimeField("créée le", default=timezone.now)

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("context"),
        FieldPanel("description"),
        FieldPanel("location"),
        FieldPanel("first_shooting_day"),
        FieldPanel("last_shooting_day"),
        FieldPanel("vhss_training_required"),
        FieldPanel("parity_grid"),
        FieldPanel("residency_crew"),
        FieldPanel("archived"),
    ]

    class Meta:
        verbose_name = "tournage"
        verbose_name_plural = "tournages"
        ordering = ["-first_shooting_day", "title"]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.title)[:80] or "tournage"
        super().save(*args, **kwargs)

    @property
    def module2_deadline(self):
        """Module 2 is due at the latest 15 days after the first shooting day."""
        if self.first_shooting_day is None:
            return None
        return self.first_shooting_day + timedelta(days=15)

    def referents(self):
        return self.members.active().filter(is_vhss_referent=True).select_related("contact")


class CrewMemberQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=CrewMember.Status.ACTIVE)

    def current(self):
        """Invited or active: the people the crew counts on."""
        return self.exclude(status=CrewMember.Status.REVOKED)


class CrewMember(models.Model):
    """A Contact's membership of one production's crew; the session holds its id."""

    class Role(models.TextChoices):
        FACILITATION = "facilitation", "Facilitation"
        COORDINATION = "coordination", "Coordination"
        MEMBER = "member", "Membre de l’équipe"

    class Status(models.TextChoices):
        INVITED = "invited", "Invitation envoyée"
        ACTIVE = "active", "Membre actif·ve"
        REVOKED = "revoked", "Accès retiré"

    production = models.ForeignKey(
        Production, on_delete=models.CASCADE, related_name="members", verbose_name="tournage"
    )
    contact = models.ForeignKey(
        "people.Contact",
        on_delete=models.CASCADE,
        related_name="crew_memberships",
        verbose_name="contact",
    )
    role = models.CharField("rôle", max_length=20, choices=Role, default=Role.MEMBER)
    position = models.CharField(
        "poste", max_length=120, blank=True, help_text="Par exemple : scripte, cheffe opératrice."
    )
    parity_post = models.CharField(
        "poste dans la grille de parité",
        max_length=60,
        blank=True,
        help_text="Clé du poste dans la grille de parité (réalisation, image, son…).",
    )
    counts_as_woman = models.BooleanField(
        "compte comme femme pour la grille de parité",
        null=True,
        blank=True,
        help_text="Indiqué par la personne elle-même ; laissé vide si elle ne souhaite pas le dire.",
    )
    status = models.CharField(
        "statut", max_length=10, choices=Status, default=Status.INVITED, db_index=True
    )
    is_vhss_referent = models.BooleanField("référent·e VHSS", default=False)
    is_eco_referent = models.BooleanField("éco-référent·e", default=False)
    referent_phone = models.CharField(
        "téléphone affiché (référent·e)",
        max_length=40,
        blank=True,
        help_text="Numéro que la personne accepte d’afficher sur l’espace et la feuille de service.",
    )
    module1_done_on = models.DateField("module 1 VHSS suivi le", null=True, blank=True)
    module2_scheduled_on = models.DateField("module 2 VHSS prévu le", null=True, blank=True)
    module2_done_on = models.DateField("module 2 VHSS suivi le", null=True, blank=True)
    training_reminded_at = models.DateTimeField("dernier rappel formation", null=True, blank=True)
    invited_at = models.DateTimeField("invité·e le", default=timezone.now)
    joined_at = models.DateTimeField("a rejoint le", null=True, blank=True)
    last_login_at = models.DateTimeField("dernière connexion", null=True, blank=True)
    revoked_at = models.DateTimeField("accès retiré le", null=True, blank=True)

    objects = CrewMemberQuerySet.as_manager()

    class Meta:
        verbose_name = "membre d’équipe"
        verbose_name_plural = "membres d’équipe"
        ordering = ["production", "contact__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["production", "contact"], name="plateau_one_membership_per_production"
            )
        ]

    def __str__(self) -> str:
        return f"{self.display_name} ({self.production})"

    @property
    def display_name(self) -> str:
        if self.contact.erased_at:
            return "Personne effacée"
        return self.contact.name or self.contact.email.split("@")[0]

    @property
    def facilitates(self) -> bool:
        return self.role == self.Role.FACILITATION

    @property
    def coordinates(self) -> bool:
        """Coordination and facilitation both run the practical side (call sheets, carbon, pay)."""
        return self.role in (self.Role.FACILITATION, self.Role.COORDINATION)

    def training_status(self) -> dict:
        """Where this person stands with the two VHSS modules, in words the crew reads."""
        deadline = self.production.module2_deadline
        module2_late = bool(
            deadline
            and not self.module2_done_on
            and (self.module2_scheduled_on is None or self.module2_scheduled_on > deadline)
        )
        return {
            "module1": bool(self.module1_done_on),
            "module2_done": bool(self.module2_done_on),
            "module2_scheduled": self.module2_scheduled_on,
            "module2_deadline": deadline,
            "module2_late": module2_late,
            "complete": bool(self.module1_done_on and self.module2_done_on),
            "needs_reminder": bool(not self.module1_done_on or module2_late),
        }


class ListeningService(models.Model):
    """An external listening service, kept as data the team checks and edits (numbers change)."""

    production = models.ForeignKey(
        Production,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="listening_services",
        verbose_name="tournage",
        help_text="Laisser vide pour l’afficher sur tous les tournages.",
    )
    name = models.CharField("nom", max_length=200)
    description = models.CharField("pour qui, pour quoi", max_length=300, blank=True)
    phone = models.CharField("téléphone", max_length=40, blank=True)
    email = models.EmailField("e-mail", blank=True)
    url = models.URLField("site", blank=True)
    hours = models.CharField("horaires", max_length=200, blank=True)
    checked_on = models.DateField("vérifié le", null=True, blank=True)
    order = models.PositiveSmallIntegerField("ordre", default=0)

    class Meta:
        verbose_name = "service d’écoute"
        verbose_name_plural = "services d’écoute"
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def for_production(cls, production):
        return cls.objects.filter(Q(production=production) | Q(production__isnull=True))


class CheckIn(models.Model):
    """One member's météo for one day: an energy score and words, both optional."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="checkins")
    member = models.ForeignKey(CrewMember, on_delete=models.CASCADE, related_name="checkins")
    day = models.DateField("jour", db_index=True)
    energy = models.PositiveSmallIntegerField(
        "énergie",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    words = models.CharField("mot ou phrase", max_length=280, blank=True)
    signed = models.BooleanField("signé", default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "météo"
        verbose_name_plural = "météos"
        ordering = ["-day"]
        constraints = [
            models.UniqueConstraint(fields=["member", "day"], name="plateau_one_checkin_per_day")
        ]

    def __str__(self) -> str:
        return f"Météo du {self.day:%d/%m/%Y}"


class ProposalQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Proposal.Status.OPEN)

    def closed(self):
        return self.filter(status=Proposal.Status.CLOSED)


class Proposal(models.Model):
    """A consent decision, a question round or an election without candidates."""

    class Kind(models.TextChoices):
        CONSENT = "consent", "Décision par consentement"
        ROUND = "round", "Tour de parole"
        ELECTION = "election", "Élection sans candidat·e"

    class Status(models.TextChoices):
        OPEN = "open", "Ouverte"
        CLOSED = "closed", "Clôturée"

    class Phase(models.TextChoices):
        NOMINATION = "nomination", "Nominations"
        CONSENT = "consent", "Consentement"

    class Outcome(models.TextChoices):
        NONE = "", "—"
        ADOPTED = "adopted", "Adoptée"
        ADOPTED_WITH_CONCERNS = "adopted_with_concerns", "Adoptée avec réserves"
        OBJECTED = "objected", "Non adoptée : objection à intégrer"
        ELECTED = "elected", "Rôle attribué"
        NOT_ELECTED = "not_elected", "Rôle non attribué : objection"
        ROUND_DONE = "round_done", "Tour de parole terminé"
        WITHDRAWN = "withdrawn", "Retirée"

    class Office(models.TextChoices):
        NONE = "", "—"
        VHSS_REFERENT = "vhss_referent", "Référent·e VHSS"
        ECO_REFERENT = "eco_referent", "Éco-référent·e"
        FACILITATOR = "facilitator", "Facilitation"

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="proposals")
    author = models.ForeignKey(
        CrewMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    kind = models.CharField("type", max_length=10, choices=Kind, default=Kind.CONSENT)
    title = models.CharField("titre", max_length=200)
    body = models.TextField("proposition ou question")
    office = models.CharField("rôle à attribuer", max_length=20, choices=Office, blank=True)
    phase = models.CharField("étape", max_length=12, choices=Phase, default=Phase.CONSENT)
    candidate = optional_link(
        CrewMember,
        "personne proposée",
        related_name="candidacies",
    )
    status = models.CharField("statut", max_length=10, choices=Status, default=Status.OPEN)
    outcome = models.CharField("issue", max_length=30, choices=Outcome, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = "proposition"
        verbose_name_plural = "propositions"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def in_nomination(self) -> bool:
        return self.kind == self.Kind.ELECTION and self.phase == self.Phase.NOMINATION


class Answer(models.Model):
    """One member's answer to a proposal; hidden from others until the reveal."""

    class Choice(models.TextChoices):
        CONSENT = "consent", "Je consens"
        CONCERN = "concern", "Je consens avec une réserve"
        OBJECTION = "objection", "J’objecte"

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="answers")
    member = models.ForeignKey(
        CrewMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    choice = models.CharField("réponse", max_length=10, choices=Choice, blank=True)
    reason = models.TextField("raison ou parole", blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "réponse"
        verbose_name_plural = "réponses"
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "member"], name="plateau_one_answer_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_choice_display() or 'Parole'} · {self.proposal}"


class Nomination(models.Model):
    """In an election without candidates, each member names someone and says why."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="nominations")
    nominator = models.ForeignKey(
        CrewMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    nominee = models.ForeignKey(CrewMember, on_delete=models.CASCADE, related_name="nominations")
    reason = models.TextField("pourquoi cette personne", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "nomination"
        verbose_name_plural = "nominations"
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "nominator"], name="plateau_one_nomination_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"Nomination · {self.proposal}"


class LogEntry(models.Model):
    """The production's log: outcomes and their reasons, kept after the shoot."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="log")
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="log_entries"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    title = models.CharField("titre", max_length=250)
    text = models.TextField("détail", blank=True)

    class Meta:
        verbose_name = "entrée du journal"
        verbose_name_plural = "journal de bord"
        ordering = ["-at"]

    def __str__(self) -> str:
        return self.title


class ReferentMessage(models.Model):
    """A message only the production's VHSS referent(s) read. Signed unless the person chooses."""

    production = models.ForeignKey(
        Production, on_delete=models.CASCADE, related_name="referent_messages"
    )
    # Left empty when the person chooses anonymity: then nobody, not even the team, can know.
    sender = models.ForeignKey(
        CrewMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="sent_messages"
    )
    signed = models.BooleanField("signé", default=True)
    body = models.TextField("message")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "message aux référent·es"
        verbose_name_plural = "messages aux référent·es"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"Message aux référent·es du {self.created_at:%d/%m/%Y}"


class CallSheet(models.Model):
    """The feuille de service of one shooting day."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="call_sheets")
    day = models.DateField("jour")
    day_number = models.PositiveSmallIntegerField("jour de tournage n°", null=True, blank=True)
    general_call = models.TimeField("convocation générale", null=True, blank=True)
    wrap = models.TimeField("fin de journée prévue", null=True, blank=True)
    places = models.TextField(
        "lieux", blank=True, help_text="Un lieu par ligne : nom, adresse, accès."
    )
    schedule = models.TextField(
        "déroulé", blank=True, help_text="Une étape par ligne, par exemple « 09:00 Séquence 12 »."
    )
    meals = models.TextField(
        "repas", blank=True, help_text="Horaires, lieu, nombre de repas et régimes."
    )
    notes = models.TextField("à savoir", blank=True)
    published = models.BooleanField("publiée pour l’équipe", default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "feuille de service"
        verbose_name_plural = "feuilles de service"
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(
                fields=["production", "day"], name="plateau_one_call_sheet_per_day"
            )
        ]

    def __str__(self) -> str:
        return f"Feuille de service du {self.day:%d/%m/%Y}"

    def lines(self, field: str) -> list[str]:
        return [line.strip() for line in getattr(self, field).splitlines() if line.strip()]


class CallTime(models.Model):
    """Who is called, when, for what, on a call sheet."""

    call_sheet = models.ForeignKey(CallSheet, on_delete=models.CASCADE, related_name="calls")
    member = models.ForeignKey(CrewMember, on_delete=models.CASCADE, related_name="calls")
    time = models.TimeField("convocation")
    note = models.CharField("précision", max_length=200, blank=True)

    class Meta:
        verbose_name = "convocation"
        verbose_name_plural = "convocations"
        ordering = ["time"]
        constraints = [
            models.UniqueConstraint(fields=["call_sheet", "member"], name="plateau_one_call_each")
        ]

    def __str__(self) -> str:
        return f"{self.member} à {self.time:%H:%M}"


class EmissionFactor(models.Model):
    """An emission factor, kept as data with its source: the team updates it, code never does."""

    class Heading(models.TextChoices):
        TRANSPORT = "transport", "Transports"
        MEALS = "meals", "Repas"
        ENERGY = "energy", "Énergie"
        EQUIPMENT = "equipment", "Matériel"
        PURCHASES = "purchases", "Achats"

    code = models.SlugField("code", max_length=60, unique=True)
    heading = models.CharField("poste", max_length=20, choices=Heading)
    label = models.CharField("libellé", max_length=200)
    unit = models.CharField("unité", max_length=40, help_text="km, repas, kWh, litre…")
    kg_co2e_per_unit = models.DecimalField("kgCO2e par unité", max_digits=10, decimal_places=4)
    source = models.CharField("source", max_length=300)
    is_estimate = models.BooleanField(
        "estimation de l’équipe",
        default=False,
        help_text="Cochez si la valeur n’est pas tirée d’une base officielle (à vérifier).",
    )
    order = models.PositiveSmallIntegerField("ordre", default=0)

    panels = [
        FieldPanel("heading"),
        FieldPanel("label"),
        FieldPanel("code"),
        FieldPanel("unit"),
        FieldPanel("kg_co2e_per_unit"),
        FieldPanel("source"),
        FieldPanel("is_estimate"),
        FieldPanel("order"),
    ]

    class Meta:
        verbose_name = "facteur d’émission"
        verbose_name_plural = "facteurs d’émission"
        ordering = ["heading", "order", "label"]

    def __str__(self) -> str:
        return f"{self.get_heading_display()} · {self.label} ({self.unit})"


class CarbonEntry(models.Model):
    """One line of the carbon logbook, forecast or actual, under a Carbon'Clap heading."""

    class Kind(models.TextChoices):
        FORECAST = "forecast", "Prévisionnel"
        ACTUAL = "actual", "Réel"

    production = models.ForeignKey(
        Production, on_delete=models.CASCADE, related_name="carbon_entries"
    )
    day = models.DateField("jour")
    kind = models.CharField(
        "prévisionnel ou réel", max_length=10, choices=Kind, default=Kind.ACTUAL
    )
    factor = models.ForeignKey(
        EmissionFactor, on_delete=models.PROTECT, related_name="entries", verbose_name="catégorie"
    )
    quantity = models.DecimalField("quantité", max_digits=12, decimal_places=2)
    note = models.CharField("précision", max_length=200, blank=True)
    created_by = models.ForeignKey(
        CrewMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "entrée carbone"
        verbose_name_plural = "carnet carbone"
        ordering = ["day", "factor__heading"]

    def __str__(self) -> str:
        return f"{self.factor} · {self.quantity} ({self.day:%d/%m/%Y})"

    @property
    def kg_co2e(self) -> Decimal:
        return (self.quantity * self.factor.kg_co2e_per_unit).quantize(Decimal("0.01"))


class PayGrid(ClusterableModel):
    """Weekly minimums of the film production collective agreement (IDCC 3097), by date."""

    name = models.CharField(
        "nom",
        max_length=200,
        default="Convention collective de la production cinématographique (IDCC 3097)",
    )
    effective_from = models.DateField("en vigueur à partir du")
    source = models.CharField("source", max_length=300, blank=True)
    is_example = models.BooleanField(
        "valeurs d’exemple à vérifier",
        default=False,
        help_text="Cochez tant que les montants n’ont pas été vérifiés sur le texte en vigueur.",
    )
    basis_hours = models.PositiveSmallIntegerField("heures par semaine de référence", default=39)

    panels = [
        FieldPanel("name"),
        FieldPanel("effective_from"),
        FieldPanel("source"),
        FieldPanel("is_example"),
        FieldPanel("basis_hours"),
        InlinePanel("rates", label="Minimums par poste"),
    ]

    class Meta:
        verbose_name = "grille de salaires minimums"
        verbose_name_plural = "grilles de salaires minimums"
        ordering = ["-effective_from"]

    def __str__(self) -> str:
        return f"{self.name}, en vigueur au {self.effective_from:%d/%m/%Y}"

    @classmethod
    def in_force(cls, on):
        return cls.objects.filter(effective_from__lte=on).order_by("-effective_from").first()


class PayGridRate(models.Model):
    grid = ParentalKey(PayGrid, on_delete=models.CASCADE, related_name="rates")
    code = models.SlugField(
        "code du poste", max_length=60, help_text="Le même code d’une version à l’autre."
    )
    position = models.CharField("poste", max_length=150)
    weekly_minimum = models.DecimalField(
        "minimum hebdomadaire brut (€)", max_digits=9, decimal_places=2
    )

    panels = [FieldPanel("code"), FieldPanel("position"), FieldPanel("weekly_minimum")]

    class Meta:
        verbose_name = "minimum par poste"
        verbose_name_plural = "minimums par poste"
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["grid", "code"], name="plateau_one_rate_per_code")
        ]

    def __str__(self) -> str:
        return f"{self.position} : {self.weekly_minimum} €"


class PayLine(models.Model):
    """A position's agreed pay on this production, shown to the whole crew next to the minimum."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="pay_lines")
    position = models.CharField("poste", max_length=150)
    grid_code = models.SlugField("code du poste dans la grille", max_length=60, blank=True)
    agreed_weekly_pay = models.DecimalField(
        "salaire hebdomadaire brut convenu (€)", max_digits=9, decimal_places=2
    )
    weekly_hours = models.PositiveSmallIntegerField("heures par semaine", default=39)
    note = models.CharField("précision", max_length=200, blank=True)

    panels = [
        FieldPanel("production"),
        FieldPanel("position"),
        FieldPanel("grid_code"),
        FieldPanel("agreed_weekly_pay"),
        FieldPanel("weekly_hours"),
        FieldPanel("note"),
    ]

    class Meta:
        verbose_name = "rémunération d’un poste"
        verbose_name_plural = "rémunérations des postes"
        ordering = ["production", "position"]

    def __str__(self) -> str:
        return f"{self.position} ({self.production})"
