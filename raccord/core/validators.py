"""Uploads are judged by their content, never by their name or the browser's word.

Use on any form or model field that accepts a file from outside the team::

    from raccord.core.validators import UploadValidator

    dossier = forms.FileField(validators=[UploadValidator(kinds=("pdf",), max_mb=10)])
    photo = models.FileField(validators=[UploadValidator(kinds=("jpg", "png", "webp"), max_mb=5)])

`kinds` are file extensions as the `filetype` package names them (pdf, jpg, png, webp, gif, mp4,
webm, mp3, zip, docx, odt, xlsx, ...) plus "txt" and "csv", checked as UTF-8 text. SVG and HTML
are never accepted: they can carry scripts.
"""

from __future__ import annotations

import filetype
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible

HEAD_SIZE = 8192
TEXT_KINDS = {"txt", "csv"}
LABELS = {
    "pdf": "PDF",
    "jpg": "JPEG",
    "png": "PNG",
    "webp": "WebP",
    "gif": "GIF",
    "mp4": "MP4",
    "webm": "WebM",
    "mp3": "MP3",
    "zip": "ZIP",
    "docx": "Word (.docx)",
    "odt": "OpenDocument (.odt)",
    "xlsx": "Excel (.xlsx)",
    "txt": "texte",
    "csv": "CSV",
}


def _read_head(file) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        head = file.read(HEAD_SIZE)
    finally:
        file.seek(position)
    return head if isinstance(head, bytes) else head.encode()


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start >= len(head) - 3  # a character cut at the end of the sample
    return True


def detect_kind(file) -> str | None:
    """The file's kind by its first bytes ("pdf", "png", "txt"…), or None when unknown."""
    head = _read_head(file)
    kind = filetype.guess(head)
    if kind is not None:
        return kind.extension
    if head and _looks_like_text(head):
        lowered = head[:512].lstrip().lower()
        if lowered.startswith((b"<svg", b"<?xml", b"<!doctype html", b"<html")):
            return "markup"
        return "txt"
    return None


@deconstructible
class UploadValidator:
    """Refuses files too big or whose content is not one of `kinds`, with a French message."""

    def __init__(self, kinds: tuple[str, ...] | list[str], max_mb: float = 10):
        self.kinds = tuple(kinds)
        self.max_mb = max_mb

    def __call__(self, file) -> None:
        size = getattr(file, "size", None)
        if size is not None and size > self.max_mb * 1024 * 1024:
            raise ValidationError(
                "Ce fichier est trop lourd : %(max)s Mo au plus.",
                code="file_too_big",
                params={"max": f"{self.max_mb:g}"},
            )
        if not size:
            raise ValidationError("Ce fichier est vide.", code="file_empty")
        kind = detect_kind(file)
        accepted = set(self.kinds)
        if kind == "txt" and accepted & TEXT_KINDS:
            return
        if kind is None or kind not in accepted:
            raise ValidationError(
                "Ce fichier n’est pas d’un type accepté (%(kinds)s).",
                code="file_type",
                params={"kinds": ", ".join(LABELS.get(k, k.upper()) for k in self.kinds)},
            )

    def __eq__(self, other) -> bool:
        return (
            isinstance(other, UploadValidator)
            and self.kinds == other.kinds
            and self.max_mb == other.max_mb
        )
