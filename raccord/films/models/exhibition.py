"""The comic-strip exhibition: its page, its plates and the large view of each plate."""

from __future__ import annotations

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from raccord.core.models import RaccordPage, RoutedPage

from .common import RICH_FEATURES, image_prefetch


class ExhibitionPage(RoutedPage, RaccordPage):
    """The gallery of plates; each plate's large view (`planche-<n>/`) is mounted by views.py."""

    intro = RichTextField("présentation", blank=True, features=RICH_FEATURES)
    author = models.CharField("autrice ou auteur des planches", max_length=200, blank=True)
    plate_format = models.CharField("format des planches", max_length=200, blank=True)
    hanging_length = models.CharField("métrage d’accrochage", max_length=200, blank=True)
    setup = models.TextField("montage et démontage", blank=True)
    transport = models.TextField("transport", blank=True)
    conditions = RichTextField("conditions d’accueil", blank=True, features=RICH_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("author"),
        InlinePanel("plates", label="planche", heading="Planches"),
        MultiFieldPanel(
            [
                FieldPanel("plate_format"),
                FieldPanel("hanging_length"),
                FieldPanel("setup"),
                FieldPanel("transport"),
                FieldPanel("conditions"),
            ],
            heading="Informations pratiques pour les lieux",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    max_count = 1
    subpage_types: list[str] = []
    template = "films/exhibition_page.html"

    class Meta:
        verbose_name = "exposition"

    def plates_with_images(self) -> list[ComicPlate]:
        plates = list(
            ComicPlate.objects.filter(page=self).prefetch_related(*image_prefetch("image"))
        )
        for number, plate in enumerate(plates, start=1):
            plate.number = number
        return plates

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["plates"] = self.plates_with_images()
        return context

    @path("")
    def gallery(self, request):
        """The page itself, as a route: Wagtail previews a routable page through its "" route."""
        return self.render(request)


class ComicPlate(Orderable):
    page = ParentalKey(ExhibitionPage, on_delete=models.CASCADE, related_name="plates")
    title = models.CharField("titre", max_length=200)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="image",
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Au moins 1600 pixels de large pour une belle vue en grand.",
    )
    alt = models.CharField(
        "texte alternatif court", max_length=300, help_text="Une phrase : de quoi parle la planche."
    )
    description = models.TextField(
        "description complète",
        help_text="Case par case, ce qui est dessiné et écrit, pour les lecteurs d’écran.",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("image"),
        FieldPanel("alt"),
        FieldPanel("description"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "planche"
        verbose_name_plural = "planches"

    def __str__(self) -> str:
        return self.title
