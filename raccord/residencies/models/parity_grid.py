"""The parity bonus's points grid; the Plateau coopératif reuses it, `parity.py` computes with it."""

from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable


class ParityGrid(ClusterableModel):
    """A points grid for the parity bonus; data, because the CNC regulation changes."""

    class Kind(models.TextChoices):
        FICTION = "fiction", "Fiction"
        DOCUMENTARY = "documentary", "Documentaire"

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
            from ..parity import ensure_default_grid

            grid = ensure_default_grid()
        return grid

    def score(self, assignments):
        from ..parity import score

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
        help_text="Le même code que le poste tenu dans l’équipe (ex. « directing »).",
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
