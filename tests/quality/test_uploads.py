"""Uploads are checked by content and size, whatever their name says."""

import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from raccord.core.validators import UploadValidator, detect_kind


def png_bytes() -> bytes:
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\x00\x00")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


def upload(name: str, content: bytes, content_type: str = "application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def test_a_real_pdf_passes():
    UploadValidator(kinds=("pdf",))(upload("dossier.pdf", PDF))


def test_a_program_renamed_pdf_is_refused_by_its_content():
    with pytest.raises(ValidationError) as caught:
        UploadValidator(kinds=("pdf",))(upload("dossier.pdf", EXE))
    assert "pas d’un type accepté (PDF)" in caught.value.messages[0]


def test_an_image_is_recognised_whatever_its_name():
    file = upload("photo.pdf", png_bytes(), "application/pdf")
    assert detect_kind(file) == "png"
    UploadValidator(kinds=("jpg", "png"))(file)
    assert file.read() == png_bytes()  # the validator leaves the file readable from the start


def test_a_file_over_the_size_limit_is_refused():
    big = upload("gros.pdf", PDF + b"0" * (1024 * 1024))
    with pytest.raises(ValidationError) as caught:
        UploadValidator(kinds=("pdf",), max_mb=1)(big)
    assert caught.value.messages == ["Ce fichier est trop lourd : 1 Mo au plus."]


def test_empty_files_are_refused():
    with pytest.raises(ValidationError):
        UploadValidator(kinds=("pdf",))(upload("vide.pdf", b""))


@pytest.mark.parametrize(
    "content",
    [
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        b"<!doctype html>",
    ],
)
def test_markup_that_can_carry_scripts_is_never_text(content):
    with pytest.raises(ValidationError):
        UploadValidator(kinds=("txt", "csv"))(upload("liste.csv", content, "text/csv"))


def test_utf8_text_passes_as_csv_but_binary_does_not():
    UploadValidator(kinds=("csv",))(upload("liste.csv", "nom;ville\nAnaïs;Rennes\n".encode()))
    with pytest.raises(ValidationError):
        UploadValidator(kinds=("csv",))(upload("liste.csv", b"\x00\x01\x02binary"))


def test_the_validator_works_on_a_form_field_and_is_serialisable():
    from django import forms

    class Form(forms.Form):
        dossier = forms.FileField(validators=[UploadValidator(kinds=("pdf",), max_mb=2)])

    form = Form(files={"dossier": upload("x.pdf", EXE)})
    assert not form.is_valid()
    assert "type accepté" in form.errors["dossier"][0]
    assert UploadValidator(kinds=("pdf",), max_mb=2).deconstruct()[0].endswith("UploadValidator")
