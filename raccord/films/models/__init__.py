"""Diffuser: the films, the comic-strip exhibition, the recordings, and requests from venues.

One module per domain keeps each one readable; this package re-exports every public name, so
`from raccord.films.models import X`, "films.X" references and the migrations keep working.
"""

# isort: off
# Definition order of the former single module, so the models register in the same order.
from .common import (
    RICH_FEATURES,
    VIMEO_HOSTS,
    YOUTUBE_HOSTS,
    VideoEmbed,
    image_prefetch,
    validate_video_url,
)
from .films import FilmCredit, FilmIndexPage, FilmPage, FilmSelection, FilmStill, FilmTag
from .exhibition import ComicPlate, ExhibitionPage
from .recordings import RecordingChapter, RecordingIndexPage, RecordingPage, validate_timecode
from .diffusion import (
    DiffusionPage,
    PrivateStorage,
    RequestActivity,
    ScreeningRequest,
    ScreeningRequestQuerySet,
    Showing,
    ShowingQuerySet,
    private_storage,
)

# isort: on

__all__ = [
    "RICH_FEATURES",
    "VIMEO_HOSTS",
    "YOUTUBE_HOSTS",
    "ComicPlate",
    "DiffusionPage",
    "ExhibitionPage",
    "FilmCredit",
    "FilmIndexPage",
    "FilmPage",
    "FilmSelection",
    "FilmStill",
    "FilmTag",
    "PrivateStorage",
    "RecordingChapter",
    "RecordingIndexPage",
    "RecordingPage",
    "RequestActivity",
    "ScreeningRequest",
    "ScreeningRequestQuerySet",
    "Showing",
    "ShowingQuerySet",
    "VideoEmbed",
    "image_prefetch",
    "private_storage",
    "validate_timecode",
    "validate_video_url",
]
