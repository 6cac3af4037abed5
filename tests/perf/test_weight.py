"""The home page is light on first load; film and exhibition images come in modern formats.

First load = the HTML and everything it references that a browser fetches before the visitor
can read the page: stylesheets, scripts, preloaded fonts, the icon, the fonts and images the
stylesheets point to, and every image of the page. For an image with several candidates
(`srcset`, `<picture>` sources) the largest candidate is counted, an upper bound of what any
browser picks. Text files are counted gzip-compressed, as WhiteNoise and nginx serve them.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.management import call_command

pytestmark = pytest.mark.django_db

BUDGET = 300 * 1024
TEXT = (".html", ".css", ".js", ".svg", ".json", ".txt")


class Assets(HTMLParser):
    def __init__(self):
        super().__init__()
        self.files: list[str] = []  # fetched once each
        self.images: list[list[str]] = []  # alternatives: the browser fetches one of each
        self._picture: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "link" and a.get("href"):
            rel = (a.get("rel") or "").split()
            if {"stylesheet", "preload", "icon"} & set(rel):
                self.files.append(a["href"])
        elif tag == "script" and a.get("src"):
            self.files.append(a["src"])
        elif tag == "picture":
            self._picture = []
        elif tag == "source" and self._picture is not None and a.get("srcset"):
            self._picture += _candidates(a["srcset"])
        elif tag == "img":
            found = _candidates(a.get("srcset") or "") + ([a["src"]] if a.get("src") else [])
            if self._picture is not None:
                self._picture += found
            else:
                self.images.append(found)

    def handle_endtag(self, tag):
        if tag == "picture" and self._picture is not None:
            self.images.append(self._picture)
            self._picture = None


def _candidates(srcset: str) -> list[str]:
    return [part.split()[0] for part in srcset.split(",") if part.strip()]


def _file(url: str) -> Path:
    path = urlsplit(url).path
    if path.startswith(settings.STATIC_URL):
        found = finders.find(path[len(settings.STATIC_URL) :])
        assert found, f"missing static file {path}"
        return Path(found)
    if path.startswith(settings.MEDIA_URL):
        return Path(settings.MEDIA_ROOT) / path[len(settings.MEDIA_URL) :]
    raise AssertionError(f"{url} is neither a static nor a media file (third-party host?)")


def _weight(path: Path) -> int:
    data = path.read_bytes()
    return len(gzip.compress(data)) if path.suffix in TEXT else len(data)


def _css_urls(path: Path, url: str) -> list[str]:
    base = url.rsplit("/", 1)[0] + "/"
    found = []
    for ref in re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", path.read_text()):
        if ref.startswith("data:"):
            continue
        found.append(ref if ref.startswith("/") else _join(base, ref))
    return found


def _join(base: str, ref: str) -> str:
    parts = urlsplit(base).path.split("/")[:-1]
    for piece in ref.split("/"):
        if piece == "..":
            parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_home_page_first_load_is_under_300_kb(demo, client):
    response = client.get("/")
    html = response.content
    parser = Assets()
    parser.feed(html.decode())

    weights = {"/ (HTML)": len(gzip.compress(html))}
    files = list(dict.fromkeys(parser.files))
    for url in files:
        path = _file(url)
        weights[url] = _weight(path)
        if path.suffix == ".css":
            for ref in _css_urls(path, url):  # fonts and background images
                weights.setdefault(ref, _weight(_file(ref)))
    for alternatives in parser.images:
        sizes = {url: _weight(_file(url)) for url in alternatives}
        biggest = max(sizes, key=sizes.get)
        weights.setdefault(biggest, sizes[biggest])

    total = sum(weights.values())
    detail = "\n".join(f"  {w / 1024:7.1f} KB  {url}" for url, w in weights.items())
    print(f"\nhome page first load: {total / 1024:.1f} KB\n{detail}")
    assert total < BUDGET, f"home page first load {total / 1024:.1f} KB:\n{detail}"


def test_film_and_exhibition_images_have_a_srcset_in_modern_formats(demo, client):
    """Each image offers AVIF or WebP renditions at two widths at least (JPEG stays a fallback)."""
    from raccord.films.models import ExhibitionPage, FilmPage

    for model in (FilmPage, ExhibitionPage):
        url = model.objects.live().order_by("path").first().url
        parser = Assets()
        parser.feed(client.get(url).content.decode())
        images = [alts for alts in parser.images if any("/media/" in u for u in alts)]
        assert images, f"no image on {url}"
        for alternatives in images:
            modern = {u for u in alternatives if u.split("?")[0].endswith((".webp", ".avif"))}
            assert len(modern) >= 2, f"{alternatives} on {url}: no srcset in webp/avif"


@pytest.mark.django_db(databases=[])
def test_collectstatic_hashes_and_compresses_in_production(settings, tmp_path):
    """WhiteNoise's manifest storage fails on a stylesheet pointing at a missing file: catch it."""
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    hashed = manifest["css/site.css"]
    assert hashed != "css/site.css"
    assert (tmp_path / hashed).exists()
    assert (tmp_path / f"{hashed}.gz").exists() or (tmp_path / f"{hashed}.br").exists()
