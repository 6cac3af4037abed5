import pytest

from raccord.films.models import VideoEmbed


@pytest.mark.parametrize(
    ("url", "embed", "host"),
    [
        (
            "https://www.youtube.com/watch?v=abcdefghijk",
            "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1",
            "www.youtube-nocookie.com",
        ),
        (
            "https://youtu.be/abcdefghijk",
            "https://www.youtube-nocookie.com/embed/abcdefghijk?autoplay=1",
            "www.youtube-nocookie.com",
        ),
        (
            "https://vimeo.com/123456789",
            "https://player.vimeo.com/video/123456789?autoplay=1&dnt=1",
            "player.vimeo.com",
        ),
        (
            "https://peertube.example.org/w/kEy9Zx2AbCdEf",
            "https://peertube.example.org/videos/embed/kEy9Zx2AbCdEf?autoplay=1&warningTitle=0",
            "peertube.example.org",
        ),
        (
            "https://tube.example.net/videos/watch/3f2a9c1e-aaaa-bbbb-cccc-123456789abc",
            "https://tube.example.net/videos/embed/3f2a9c1e-aaaa-bbbb-cccc-123456789abc?autoplay=1&warningTitle=0",
            "tube.example.net",
        ),
    ],
)
def test_video_links_become_embeds_from_the_right_host(url, embed, host):
    video = VideoEmbed.from_url(url)
    assert video.embed_url == embed
    assert video.host == host


@pytest.mark.parametrize(
    "url",
    [
        "",
        "http://www.youtube.com/watch?v=abcdefghijk",
        "https://example.org/film.mp4",
        "https://vimeo.com/about",
        "javascript:alert(1)",
    ],
)
def test_other_links_are_not_embedded(url):
    assert VideoEmbed.from_url(url) is None
