"""The film catalogue: the index, each film's page, its credits, selections and stills."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from raccord.core.fields import optional_link
from raccord.core.models import RaccordPage

from .common import (
    RICH_FEATURES,
    SectionPage,
    VideoEmbed,
    _with_frame_host,
    image_prefetch,
    validate_video_url,
)


class FilmIndexPage(SectionPage):
    subpage_types = ["films.FilmPage"]
    cache_params = ("page",)
    template = "films/film_index_page.html"

    class Meta:
        verbose_name = "catalogue des films"

    def films(self):
        return (
            FilmPage.objects.child_of(self)
            .live()
            .prefetch_related(*image_prefetch("poster"), "themes")
            .order_by("-year", "title")
        )

    per_page = 24

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Pages of 24: the catalogue's weight stays the same whether it holds 10 films or 500.
        paginator = Paginator(self.films(), self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(films=page_obj.object_list, page_obj=page_obj, paginator=paginator)
        return context


class FilmPageQuerySet(PageQuerySet):
    def published(self):
        """Live films by title: what a residency page lists (`residency.films.published`)."""
        return self.live().order_by("title")


class FilmTag(TaggedItemBase):
    content_object = ParentalKey("films.FilmPage", on_delete=models.CASCADE, related_name="tagged")


class FilmPage(RaccordPage):
    class Length(models.TextChoices):
        SHORT = "short", "Court-métrage"
        MEDIUM = "medium", "Moyen-métrage"
        FEATURE = "feature", "Long-métrage"
        SERIES = "series", "Série"

    class Genre(models.TextChoices):
        FICTION = "fiction", "Fiction"
        DOCUMENTARY = "documentary", "Documentaire"
        ANIMATION = "animation", "Animation"
        EXPERIMENTAL = "experimental", "Expérimental"
        HYBRID = "hybrid", "Hybride"

    class VideoKind(models.TextChoices):
        TRAILER = "trailer", "Bande-annonce"
        EXCERPT = "excerpt", "Extrait"
        FILM = "film", "Film en entier"

    year = models.PositiveSmallIntegerField("année")
    duration_minutes = models.PositiveSmallIntegerField("durée (minutes)", null=True, blank=True)
    length = models.CharField("format", max_length=10, choices=Length.choices, default=Length.SHORT)
    genre = models.CharField("genre", max_length=20, choices=Genre.choices, blank=True)
    language = models.CharField("langue originale", max_length=80, default="français")
    tagline = models.CharField(
        "accroche", max_length=200, blank=True, help_text="Une phrase pour les listes."
    )
    synopsis = RichTextField("synopsis", features=RICH_FEATURES)
    poster = optional_link("wagtailimages.Image", "affiche")
    poster_alt = models.CharField(
        "description de l’affiche",
        max_length=300,
        blank=True,
        help_text="Ce que montre l’affiche, pour les personnes qui ne la voient pas.",
    )
    # `residency.films` lists a residency's films without the residencies app naming this one.
    residency = optional_link(
        "residencies.ResidencyPage", "résidence d’origine", related_name="films"
    )
    residency_label = models.CharField(
        "résidence (texte affiché)",
        max_length=200,
        blank=True,
        help_text="Par exemple « Résidence-laboratoire de mars 2024, Bascule Argoat ».",
    )
    themes = ClusterTaggableManager("thèmes", through=FilmTag, blank=True)

    available_for_screenings = models.BooleanField("disponible pour des projections", default=True)
    format_dcp = models.BooleanField("DCP", default=False)
    format_prores = models.BooleanField("ProRes", default=False)
    format_h264 = models.BooleanField("fichier H.264", default=False)
    sdh_subtitles = models.BooleanField(
        "sous-titres pour personnes sourdes et malentendantes", default=False
    )
    audio_description = models.BooleanField("audiodescription", default=False)
    subtitle_languages = models.CharField(
        "sous-titres dans d’autres langues",
        max_length=200,
        blank=True,
        help_text="Par exemple « anglais, espagnol ».",
    )
    availability_note = models.TextField("précisions pour les lieux", blank=True)

    video_url = models.URLField(
        "vidéo (PeerTube, Vimeo ou YouTube)",
        blank=True,
        validators=[validate_video_url],
        help_text="Rien n’est chargé depuis cet hébergeur avant le clic du visiteur ou de la visiteuse.",
    )
    video_kind = models.CharField(
        "type de vidéo", max_length=20, choices=VideoKind.choices, default=VideoKind.TRAILER
    )
    video_thumbnail = optional_link(
        "wagtailimages.Image",
        "vignette de la vidéo",
        help_text="Image hébergée ici, affichée avant le clic. L’affiche sert à défaut.",
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("year"), FieldPanel("duration_minutes")]),
        FieldRowPanel([FieldPanel("length"), FieldPanel("genre"), FieldPanel("language")]),
        FieldPanel("tagline"),
        FieldPanel("synopsis"),
        MultiFieldPanel([FieldPanel("poster"), FieldPanel("poster_alt")], heading="Affiche"),
        FieldPanel("themes"),
        MultiFieldPanel(
            [FieldPanel("residency"), FieldPanel("residency_label")], heading="Résidence"
        ),
        InlinePanel("credits", label="générique", heading="Générique"),
        InlinePanel("selections", label="sélection ou prix", heading="Festivals et prix"),
        InlinePanel("stills", label="photogramme", heading="Photogrammes"),
        MultiFieldPanel(
            [
                FieldPanel("available_for_screenings"),
                FieldRowPanel(
                    [
                        FieldPanel("format_dcp"),
                        FieldPanel("format_prores"),
                        FieldPanel("format_h264"),
                    ]
                ),
                FieldRowPanel([FieldPanel("sdh_subtitles"), FieldPanel("audio_description")]),
                FieldPanel("subtitle_languages"),
                FieldPanel("availability_note"),
            ],
            heading="Disponibilité pour des projections",
        ),
        MultiFieldPanel(
            [FieldPanel("video_url"), FieldPanel("video_kind"), FieldPanel("video_thumbnail")],
            heading="Vidéo",
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("synopsis"),
        index.SearchField("tagline"),
        index.FilterField("year"),
    ]
    parent_page_types = ["films.FilmIndexPage"]
    subpage_types: list[str] = []
    template = "films/film_page.html"

    objects = PageManager.from_queryset(FilmPageQuerySet)()

    class Meta:
        verbose_name = "film"
        verbose_name_plural = "films"

    @cached_property
    def embed(self) -> VideoEmbed | None:
        return VideoEmbed.from_url(self.video_url)

    @property
    def screening_formats(self) -> list[str]:
        flags = [
            (self.format_dcp, "DCP"),
            (self.format_prores, "ProRes"),
            (self.format_h264, "H.264"),
        ]
        return [label for on, label in flags if on]

    @property
    def accessibility_versions(self) -> list[str]:
        versions = []
        if self.sdh_subtitles:
            versions.append("sous-titres pour personnes sourdes et malentendantes (SME)")
        if self.audio_description:
            versions.append("audiodescription")
        if self.subtitle_languages:
            versions.append(f"sous-titres : {self.subtitle_languages}")
        return versions

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page = (
            FilmPage.objects.filter(pk=self.pk)
            .select_related("residency")  # the page links the residency it came from
            .prefetch_related(
                *image_prefetch("poster", "video_thumbnail"),
                "themes",
                "credits",
                "selections",
                Prefetch(
                    "stills",
                    queryset=FilmStill.objects.prefetch_related(*image_prefetch("image")),
                ),
            )
            .first()
        ) or self
        context.update(
            film=page,
            parent=self.get_parent(),
            stills=list(page.stills.all()),
            credits=list(page.credits.all()),
            selections=list(page.selections.all()),
            themes=list(page.themes.all()),
        )
        return context

    def serve(self, request, *args, **kwargs):
        return _with_frame_host(super().serve(request, *args, **kwargs), self.embed)


class FilmCredit(Orderable):
    film = ParentalKey(FilmPage, on_delete=models.CASCADE, related_name="credits")
    role = models.CharField("rôle", max_length=120)
    name = models.CharField("nom", max_length=200)
    contact = optional_link(
        "people.Contact",
        "fiche contact",
        related_name="film_credits",
        help_text="Facultatif : relie la personne à sa fiche (jamais affichée en public).",
    )

    panels = [FieldRowPanel([FieldPanel("role"), FieldPanel("name")]), FieldPanel("contact")]

    class Meta(Orderable.Meta):
        verbose_name = "ligne du générique"
        verbose_name_plural = "générique"

    def __str__(self) -> str:
        return f"{self.role} : {self.name}"


class FilmSelection(Orderable):
    film = ParentalKey(FilmPage, on_delete=models.CASCADE, related_name="selections")
    festival = models.CharField("festival ou événement", max_length=200)
    year = models.PositiveSmallIntegerField("année", null=True, blank=True)
    city = models.CharField("ville", max_length=120, blank=True)
    award = models.CharField(
        "prix ou mention", max_length=200, blank=True, help_text="Vide pour une sélection."
    )

    panels = [
        FieldRowPanel([FieldPanel("festival"), FieldPanel("year"), FieldPanel("city")]),
        FieldPanel("award"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "sélection ou prix"
        verbose_name_plural = "sélections et prix"

    def __str__(self) -> str:
        return self.festival


class FilmStill(Orderable):
    film = ParentalKey(FilmPage, on_delete=models.CASCADE, related_name="stills")
    image = models.ForeignKey(
        "wagtailimages.Image", verbose_name="image", on_delete=models.CASCADE, related_name="+"
    )
    alt = models.CharField(
        "texte alternatif", max_length=300, help_text="Ce que montre l’image, en une phrase."
    )
    caption = models.CharField("légende", max_length=300, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt"), FieldPanel("caption")]

    class Meta(Orderable.Meta):
        verbose_name = "photogramme"
        verbose_name_plural = "photogrammes"
