"""Diffuser: the films, the comic-strip exhibition, the recordings, and requests from venues."""

from __future__ import annotations

import os
import re
from urllib.parse import parse_qs, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from raccord.core.models import RaccordPage

RICH_FEATURES = ["bold", "italic", "link", "ul", "ol"]


# --- Video embeds -----------------------------------------------------------------------------

YOUTUBE_HOSTS = {"youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "www.youtu.be"}
VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}
_VIDEO_ID = re.compile(r"^[A-Za-z0-9_-]{6,64}$")


class VideoEmbed:
    """What a click-to-load player needs: where the iframe points and which host to allow.

    Nothing is fetched from the host before the visitor clicks; the page only carries the
    embed address in a data attribute and a plain link for visitors without JavaScript.
    """

    def __init__(self, url: str, embed_url: str, host: str, provider: str):
        self.url, self.embed_url, self.host, self.provider = url, embed_url, host, provider

    @property
    def origin(self) -> str:
        return f"https://{self.host}"

    @classmethod
    def from_url(cls, url: str) -> VideoEmbed | None:
        if not url:
            return None
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
        if parts.scheme != "https" or not host:
            return None
        segments = [s for s in parts.path.split("/") if s]
        if host in YOUTUBE_HOSTS:
            video_id = ""
            if host.endswith("youtu.be") and segments:
                video_id = segments[0]
            elif segments[:1] == ["watch"]:
                video_id = parse_qs(parts.query).get("v", [""])[0]
            elif segments[:1] in (["embed"], ["shorts"], ["live"]) and len(segments) > 1:
                video_id = segments[1]
            if _VIDEO_ID.match(video_id or ""):
                return cls(
                    url,
                    f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1",
                    "www.youtube-nocookie.com",
                    "YouTube",
                )
            return None
        if host in VIMEO_HOSTS:
            numbers = [s for s in segments if s.isdigit()]
            if numbers:
                return cls(
                    url,
                    f"https://player.vimeo.com/video/{numbers[0]}?autoplay=1&dnt=1",
                    "player.vimeo.com",
                    "Vimeo",
                )
            return None
        # PeerTube: /w/<id>, /videos/watch/<uuid> or /videos/embed/<uuid> on any instance.
        video_id = ""
        if segments[:1] == ["w"] and len(segments) == 2:
            video_id = segments[1]
        elif segments[:2] in (["videos", "watch"], ["videos", "embed"]) and len(segments) == 3:
            video_id = segments[2]
        if _VIDEO_ID.match(video_id or ""):
            return cls(
                url,
                f"https://{host}/videos/embed/{video_id}?autoplay=1&warningTitle=0",
                host,
                "PeerTube",
            )
        return None


def validate_video_url(value: str) -> None:
    if value and VideoEmbed.from_url(value) is None:
        raise ValidationError(
            "Adresse non reconnue : donnez le lien https d’une vidéo PeerTube, Vimeo ou YouTube."
        )


def _with_frame_host(response, embed: VideoEmbed | None):
    """Allow the video host in `frame-src` on this response only; the site-wide CSP stays strict."""
    if embed is not None:
        response._csp_update = {"frame-src": [embed.origin]}
    return response


def image_prefetch(*lookups: str) -> list[Prefetch]:
    """Prefetch images with their renditions so a gallery costs the same queries at any size."""
    from wagtail.images import get_image_model

    images = get_image_model().objects.prefetch_renditions()
    return [Prefetch(lookup, queryset=images) for lookup in lookups]


# --- Films ------------------------------------------------------------------------------------


class FilmIndexPage(RaccordPage):
    intro = RichTextField("présentation", blank=True, features=RICH_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["films.FilmPage"]
    max_count = 1
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


class FilmTag(TaggedItemBase):
    content_object = ParentalKey("films.FilmPage", on_delete=models.CASCADE, related_name="tagged")


class FilmPage(RaccordPage):
    class Length(models.TextChoices):
        SHORT = "court", "Court-métrage"
        MEDIUM = "moyen", "Moyen-métrage"
        FEATURE = "long", "Long-métrage"
        SERIES = "serie", "Série"

    class Genre(models.TextChoices):
        FICTION = "fiction", "Fiction"
        DOCUMENTARY = "documentaire", "Documentaire"
        ANIMATION = "animation", "Animation"
        EXPERIMENTAL = "experimental", "Expérimental"
        HYBRID = "hybride", "Hybride"

    class VideoKind(models.TextChoices):
        TRAILER = "bande-annonce", "Bande-annonce"
        EXCERPT = "extrait", "Extrait"
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
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="affiche",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    poster_alt = models.CharField(
        "description de l’affiche",
        max_length=300,
        blank=True,
        help_text="Ce que montre l’affiche, pour les personnes qui ne la voient pas.",
    )
    residency = models.ForeignKey(
        "residencies.ResidencyPage",
        verbose_name="résidence d’origine",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="films",
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
    video_thumbnail = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="vignette de la vidéo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
    contact = models.ForeignKey(
        "people.Contact",
        verbose_name="fiche contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
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


# --- The comic-strip exhibition ------------------------------------------------------------


class ExhibitionPage(RoutablePageMixin, RaccordPage):
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

    @path("")
    def gallery(self, request):
        return self.render(request, context_overrides={"plates": self.plates_with_images()})

    @path("planche-<int:number>/")
    def plate(self, request, number: int):
        """The large view of one page: a plain page, so it works without JavaScript."""
        plates = self.plates_with_images()
        if not 1 <= number <= len(plates):
            raise Http404
        return render(
            request,
            "films/exhibition_plate.html",
            {
                "page": self,
                "plate": plates[number - 1],
                "previous": plates[number - 2] if number > 1 else None,
                "next": plates[number] if number < len(plates) else None,
                "count": len(plates),
            },
        )


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


# --- Recordings -----------------------------------------------------------------------------


class RecordingIndexPage(RaccordPage):
    intro = RichTextField("présentation", blank=True, features=RICH_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["films.RecordingPage"]
    max_count = 1
    template = "films/recording_index_page.html"

    class Meta:
        verbose_name = "captations"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recordings"] = (
            RecordingPage.objects.child_of(self)
            .live()
            .select_related("event")
            .order_by("-recorded_on")
        )
        return context


_TIMECODE = re.compile(r"^(?:(\d{1,2}):)?([0-5]?\d):([0-5]\d)$")


def validate_timecode(value: str) -> None:
    if not _TIMECODE.match(value or ""):
        raise ValidationError("Écrivez le minutage sous la forme 12:30 ou 1:02:30.")


class RecordingPage(RaccordPage):
    class Kind(models.TextChoices):
        VIDEO = "video", "Vidéo"
        AUDIO = "audio", "Audio"

    kind = models.CharField("type", max_length=10, choices=Kind.choices, default=Kind.VIDEO)
    recorded_on = models.DateField("date de l’enregistrement")
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name="soirée",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recordings",
    )
    summary = RichTextField("présentation", blank=True, features=RICH_FEATURES)
    speakers = models.TextField("intervenant·es", blank=True, help_text="Une personne par ligne.")
    duration_minutes = models.PositiveSmallIntegerField("durée (minutes)", null=True, blank=True)
    video_url = models.URLField(
        "vidéo (PeerTube, Vimeo ou YouTube)", blank=True, validators=[validate_video_url]
    )
    media = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="fichier audio ou vidéo hébergé ici",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    thumbnail = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="vignette",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    transcript = RichTextField("transcription", blank=True, features=[*RICH_FEATURES, "h3"])

    content_panels = [
        *Page.content_panels,
        FieldRowPanel(
            [FieldPanel("kind"), FieldPanel("recorded_on"), FieldPanel("duration_minutes")]
        ),
        FieldPanel("event"),
        FieldPanel("summary"),
        FieldPanel("speakers"),
        MultiFieldPanel(
            [FieldPanel("video_url"), FieldPanel("media"), FieldPanel("thumbnail")],
            heading="Média",
        ),
        InlinePanel("chapters", label="chapitre", heading="Chapitres"),
        FieldPanel("transcript"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("transcript"),
    ]
    parent_page_types = ["films.RecordingIndexPage"]
    subpage_types: list[str] = []
    template = "films/recording_page.html"

    class Meta:
        verbose_name = "captation"
        verbose_name_plural = "captations"

    @cached_property
    def embed(self) -> VideoEmbed | None:
        return VideoEmbed.from_url(self.video_url)

    @property
    def speaker_list(self) -> list[str]:
        return [line.strip() for line in self.speakers.splitlines() if line.strip()]

    def serve(self, request, *args, **kwargs):
        return _with_frame_host(super().serve(request, *args, **kwargs), self.embed)


class RecordingChapter(Orderable):
    recording = ParentalKey(RecordingPage, on_delete=models.CASCADE, related_name="chapters")
    start = models.CharField(
        "début", max_length=8, validators=[validate_timecode], help_text="Par exemple 12:30."
    )
    title = models.CharField("titre", max_length=200)

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("title")])]

    class Meta(Orderable.Meta):
        verbose_name = "chapitre"
        verbose_name_plural = "chapitres"

    @property
    def seconds(self) -> int:
        match = _TIMECODE.match(self.start or "")
        if not match:
            return 0
        hours, minutes, seconds = (int(g or 0) for g in match.groups())
        return hours * 3600 + minutes * 60 + seconds


# --- What happened: /diffusion/ ---------------------------------------------------------------


class DiffusionPage(RaccordPage):
    intro = RichTextField("présentation", blank=True, features=RICH_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1
    subpage_types: list[str] = []
    template = "films/diffusion_page.html"

    class Meta:
        verbose_name = "page diffusion"

    def get_context(self, request, *args, **kwargs):
        from .stats import diffusion_summary

        context = super().get_context(request, *args, **kwargs)
        context.update(diffusion_summary())
        return context


class ShowingQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True, date__lte=timezone.localdate())


class Showing(models.Model):
    """One screening or exhibition that took place; what /diffusion/ draws."""

    date = models.DateField("date")
    end_date = models.DateField("fin (pour une exposition)", null=True, blank=True)
    title = models.CharField("intitulé", max_length=200)
    venue = models.CharField("lieu", max_length=200, blank=True)
    city = models.CharField("ville", max_length=120)
    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name="organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="showings",
    )
    with_screening = models.BooleanField("projection", default=True)
    with_exhibition = models.BooleanField("exposition", default=False)
    with_round_table = models.BooleanField("table ronde ou échange", default=False)
    films = models.ManyToManyField(FilmPage, verbose_name="films", blank=True, related_name="+")
    audience = models.PositiveIntegerField("public (personnes)", null=True, blank=True)
    is_public = models.BooleanField("affiché sur /diffusion/", default=True)
    note = models.TextField("note", blank=True)
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name="soirée",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="showings",
    )
    request = models.OneToOneField(
        "films.ScreeningRequest",
        verbose_name="demande d’origine",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="showing",
    )

    objects = ShowingQuerySet.as_manager()

    class Meta:
        verbose_name = "diffusion réalisée"
        verbose_name_plural = "diffusions réalisées"
        ordering = ["-date"]

    def __str__(self) -> str:
        return f"{self.title} ({self.city}, {self.date:%d/%m/%Y})"

    @property
    def kinds(self) -> list[str]:
        flags = [
            (self.with_screening, "projection"),
            (self.with_exhibition, "exposition"),
            (self.with_round_table, "table ronde"),
        ]
        return [label for on, label in flags if on]


# --- Requests from venues -----------------------------------------------------------------------


class PrivateStorage(FileSystemStorage):
    """Files sent with requests stay out of the public media folder; the admin serves them."""

    @property
    def base_location(self):
        return str(getattr(settings, "RACCORD_PRIVATE_MEDIA_ROOT", settings.VAR_DIR / "private"))

    @property
    def location(self):
        return os.path.abspath(self.base_location)


def private_storage():
    return PrivateStorage()


class ScreeningRequestQuerySet(models.QuerySet):
    def open(self):
        return self.exclude(
            status__in=[ScreeningRequest.Status.DONE, ScreeningRequest.Status.REFUSED]
        )

    def for_contact(self, contact):
        return self.filter(contact=contact)


class ScreeningRequest(models.Model):
    """A venue asks for an accompanied screening or for the exhibition; the team follows it."""

    class Kind(models.TextChoices):
        SCREENING = "projection", "Projection accompagnée"
        EXHIBITION = "exposition", "Accueil de l’exposition"

    class Status(models.TextChoices):
        NEW = "nouvelle", "Nouvelle"
        DISCUSSION = "en_discussion", "En discussion"
        CONFIRMED = "confirmee", "Confirmée"
        DONE = "realisee", "Réalisée"
        REFUSED = "refusee", "Refusée"

    class VenueKind(models.TextChoices):
        CINEMA = "cinema", "Cinéma"
        ASSOCIATION = "association", "Association"
        SCHOOL = "ecole", "École, université"
        UNION = "syndicat", "Syndicat"
        FESTIVAL = "festival", "Festival"
        ACTIVIST = "lieu_militant", "Lieu militant ou tiers-lieu"
        LIBRARY = "mediatheque", "Médiathèque, lieu culturel"
        OTHER = "autre", "Autre"

    class Budget(models.TextChoices):
        FREE = "prix_libre", "Prix libre (participation libre du public)"
        AMOUNT = "montant", "Un budget défini"
        TO_DISCUSS = "a_discuter", "À discuter ensemble"

    kind = models.CharField("demande", max_length=12, choices=Kind.choices)
    status = models.CharField(
        "étape", max_length=15, choices=Status.choices, default=Status.NEW, db_index=True
    )
    contact = models.ForeignKey(
        "people.Contact",
        verbose_name="contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="screening_requests",
    )
    contact_name = models.CharField("nom de la personne", max_length=200, blank=True)
    phone = models.CharField("téléphone", max_length=40, blank=True)
    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name="organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="screening_requests",
    )
    organisation_name = models.CharField("structure", max_length=200)
    venue_kind = models.CharField("type de lieu", max_length=20, choices=VenueKind.choices)
    venue_name = models.CharField("lieu", max_length=200, blank=True)
    city = models.CharField("ville", max_length=120)
    date_from = models.DateField("à partir du")
    date_to = models.DateField("jusqu’au", null=True, blank=True)
    dates_note = models.CharField("précisions sur les dates", max_length=300, blank=True)
    expected_audience = models.PositiveIntegerField("public attendu", null=True, blank=True)
    films = models.ManyToManyField(
        FilmPage, verbose_name="films souhaités", blank=True, related_name="+"
    )
    with_team = models.BooleanField("en présence de l’équipe", default=True)
    with_round_table = models.BooleanField("avec une table ronde", default=True)
    topics = models.TextField("sujets souhaités", blank=True)
    budget = models.CharField("budget", max_length=12, choices=Budget.choices)
    budget_amount = models.PositiveIntegerField("montant envisagé (€)", null=True, blank=True)
    technical_setup = models.TextField("équipement technique", blank=True)
    accessibility = models.TextField("accessibilité du lieu", blank=True)
    message = models.TextField("message", blank=True)
    attachment = models.FileField(
        "pièce jointe", upload_to="films/demandes/%Y/", storage=private_storage, blank=True
    )
    followed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="suivie par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="followed_screening_requests",
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name="soirée créée",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="screening_requests",
    )
    source = models.CharField("envoyée depuis", max_length=300, blank=True)
    fingerprint = models.CharField(max_length=64, db_index=True, editable=False)
    created_at = models.DateTimeField("reçue le", default=timezone.now, db_index=True)
    updated_at = models.DateTimeField("mise à jour le", auto_now=True)

    objects = ScreeningRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "demande de diffusion"
        verbose_name_plural = "demandes de diffusion"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.organisation_name} ({self.city})"

    @property
    def email(self) -> str:
        return self.contact.email if self.contact else ""

    @property
    def wished_dates(self) -> str:
        if self.date_to and self.date_to != self.date_from:
            return f"du {self.date_from:%d/%m/%Y} au {self.date_to:%d/%m/%Y}"
        return f"le {self.date_from:%d/%m/%Y}"


class RequestActivity(models.Model):
    """The request's journal: each move through the pipeline and each note of the team."""

    request = models.ForeignKey(ScreeningRequest, on_delete=models.CASCADE, related_name="activity")
    at = models.DateTimeField("le", default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="par",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(
        "depuis", max_length=15, choices=ScreeningRequest.Status.choices, blank=True
    )
    to_status = models.CharField(
        "vers", max_length=15, choices=ScreeningRequest.Status.choices, blank=True
    )
    text = models.TextField("note", blank=True)

    class Meta:
        verbose_name = "suivi"
        verbose_name_plural = "suivi"
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        if self.to_status:
            return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
        return self.text[:60]
