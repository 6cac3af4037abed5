"""What the film, exhibition and recording pages share: rich-text features, the section pages'
base, optional links, image prefetching and click-to-load video embeds.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from raccord.core.models import RaccordPage

RICH_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class SectionPage(RaccordPage):
    """A section the site has once (/films/, /captations/, /diffusion/): a title and an intro."""

    intro = RichTextField("présentation", blank=True, features=RICH_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1

    class Meta:
        abstract = True


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
