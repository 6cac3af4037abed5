"""Placeholder images drawn with Pillow: posters, comic pages and stills for the demo and tests.

No copyrighted image ships with Raccord; the team replaces these with the real ones.
"""

from __future__ import annotations

import io
import textwrap

from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

PAPER = (251, 247, 242)
INK = (31, 26, 23)
ACCENT = (138, 51, 32)
PALETTES = [
    ((46, 64, 87), (236, 200, 120)),
    ((92, 45, 38), (244, 214, 180)),
    ((38, 70, 60), (222, 232, 200)),
    ((70, 52, 92), (230, 210, 240)),
]


def _font(size: int):
    for name in ("DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"):
        try:
            return ImageFont.truetype(name, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def poster(title: str, subtitle: str = "", *, variant: int = 0, size=(600, 840)) -> bytes:
    """A plain typographic poster: the title over bands of colour."""
    back, front = PALETTES[variant % len(PALETTES)]
    width, height = size
    image = Image.new("RGB", size, back)
    draw = ImageDraw.Draw(image)
    for i in range(6):
        top = int(height * (0.35 + i * 0.08))
        draw.rectangle([0, top, width, top + int(height * 0.04)], fill=front if i % 2 else back)
    draw.ellipse([width * 0.55, height * 0.06, width * 0.95, height * 0.34], outline=front, width=6)
    font, small = _font(int(width / 11)), _font(int(width / 28))
    y = int(height * 0.7)
    for line in textwrap.wrap(title, 14):
        draw.text((width * 0.08, y), line, fill=PAPER, font=font)
        y += int(width / 9)
    if subtitle:
        draw.text((width * 0.08, height * 0.93), subtitle, fill=front, font=small)
    return _png(image)


def comic_page(number: int, title: str, *, size=(1000, 1414)) -> bytes:
    """A page of empty panels with its number and title: the layout of a comic, no drawing."""
    width, height = size
    image = Image.new("RGB", size, PAPER)
    draw = ImageDraw.Draw(image)
    margin, gutter = width // 20, width // 40
    draw.text(
        (margin, margin // 2), f"{number:02d} · {title}", fill=ACCENT, font=_font(width // 30)
    )
    rows = [(2, 0.28), (1, 0.3), (3, 0.32)] if number % 2 else [(1, 0.3), (2, 0.32), (2, 0.28)]
    top = width // 10
    usable = height - top - margin
    for columns, share in rows:
        row_height = int(usable * share) - gutter
        cell = (width - 2 * margin - (columns - 1) * gutter) / columns
        for c in range(columns):
            left = margin + c * (cell + gutter)
            draw.rectangle([left, top, left + cell, top + row_height], outline=INK, width=5)
            draw.line([left, top + row_height, left + cell, top], fill=(220, 210, 198), width=2)
        top += row_height + gutter
    return _png(image)


def still(label: str, *, variant: int = 0, size=(1280, 720)) -> bytes:
    back, front = PALETTES[variant % len(PALETTES)]
    image = Image.new("RGB", size, back)
    draw = ImageDraw.Draw(image)
    width, height = size
    draw.rectangle([0, height * 0.62, width, height], fill=tuple(max(0, v - 20) for v in back))
    draw.ellipse([width * 0.7, height * 0.12, width * 0.82, height * 0.33], fill=front)
    draw.text((40, height - 80), label, fill=PAPER, font=_font(36))
    return _png(image)


def wagtail_image(title: str, content: bytes, *, collection=None):
    """The Wagtail image with this title, created from `content` when absent (idempotent)."""
    from wagtail.images import get_image_model

    Image_ = get_image_model()
    existing = Image_.objects.filter(title=title).first()
    if existing is not None:
        return existing
    filename = (slugify(title)[:60] or "image") + ".png"
    image = Image_(title=title)
    if collection is not None:
        image.collection = collection
    image.file = ImageFile(io.BytesIO(content), name=filename)
    image.save()
    return image
