"""Crews formed from applications, and the positions the parity grid scores."""

from django.db import models
from wagtail.admin.panels import FieldPanel

from raccord.core.fields import optional_link

from .calls import Application
from .pages import ResidencyPage
from .parity_grid import ParityGrid

# Crew positions: the parity grid's codes first, then the other posts of a short-film crew.
POSITION_CHOICES = [
    ("directing", "Réalisation"),
    ("producer_representative", "Représentant·e légal·e de la production"),
    ("screenwriting", "Scénario"),
    ("production_management", "Direction de production"),
    ("cinematography", "Direction de la photographie"),
    ("sound", "Ingénieur·e du son"),
    ("costume_design", "Création des costumes"),
    ("production_design", "Création des décors"),
    ("editing", "Montage"),
    ("assistant_directing", "Assistanat à la réalisation"),
    ("script_supervision", "Scripte"),
    ("set_management", "Régie"),
    ("camera_assistance", "Assistanat image"),
    ("lighting_and_grip", "Électricité et machinerie"),
    ("boom_operating", "Perche"),
    ("makeup", "Maquillage et coiffure"),
    ("acting", "Interprétation"),
    ("facilitation", "Facilitation"),
    ("coordination", "Coordination"),
    ("other", "Autre poste"),
]
POSITION_LABELS = dict(POSITION_CHOICES)


class Crew(models.Model):
    residency = models.ForeignKey(
        ResidencyPage, on_delete=models.CASCADE, related_name="crews", verbose_name="résidence"
    )
    film_title = models.CharField("film (titre de travail)", max_length=200)
    film_page = optional_link(
        "wagtailcore.Page",
        "page du film",
    )
    parity_grid = optional_link(
        ParityGrid,
        "grille de parité",
        related_name="crews",
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
        from .. import parity

        grid = self.grid()
        spec = parity.as_spec(grid) if grid else parity.default_spec()
        members = self.members.all()
        return parity.score(spec, [(m.position, m.is_woman) for m in members])


class CrewMember(models.Model):
    class ParityAnswer(models.TextChoices):
        YES = "yes", "Oui"
        NO = "no", "Non"
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
        return {self.ParityAnswer.YES: True, self.ParityAnswer.NO: False}.get(self.counts_as_woman)
