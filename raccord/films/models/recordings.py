"""Recordings of talks and round tables, with their chapters."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from raccord.core.fields import optional_link
from raccord.core.models import RaccordPage

from .common import (
    RICH_FEATURES,
    SectionPage,
    VideoEmbed,
    _with_frame_host,
    validate_video_url,
)


class RecordingIndexPage(SectionPage):
    subpage_types = ["films.RecordingPage"]
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
    event = optional_link("events.EventPage", "soirée", related_name="recordings")
    summary = RichTextField("présentation", blank=True, features=RICH_FEATURES)
    speakers = models.TextField("intervenant·es", blank=True, help_text="Une personne par ligne.")
    duration_minutes = models.PositiveSmallIntegerField("durée (minutes)", null=True, blank=True)
    video_url = models.URLField(
        "vidéo (PeerTube, Vimeo ou YouTube)", blank=True, validators=[validate_video_url]
    )
    media = optional_link("wagtaildocs.Document", "fichier audio ou vidéo hébergé ici")
    thumbnail = optional_link("wagtailimages.Image", "vignette")
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
