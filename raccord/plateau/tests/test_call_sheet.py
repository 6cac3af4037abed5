"""The call sheet: a printable daily page and a PDF with accented French."""

import re
import zlib
from datetime import date, time

import pytest
from django.urls import reverse

from raccord.plateau import services
from raccord.plateau.pdf import call_sheet_pdf, safe

pytestmark = pytest.mark.django_db


@pytest.fixture
def sheet(crew):
    sheet = services.save_call_sheet(
        crew["coordinator"],
        day=date(2026, 4, 14),
        day_number=2,
        general_call=time(8, 30),
        wrap=time(18, 0),
        places="Écluse de Pontivy, chemin de halage",
        schedule="09:00 Séquence 3",
        meals="13:00 déjeuner : 12 végétariens, 2 poulet",
        notes="Bottes conseillées",
    )
    services.set_call(crew["coordinator"], sheet, crew_member_id=crew["ana"].pk, time=time(7, 45))
    return sheet


def test_the_call_sheet_page_shows_the_day_and_prints(client, crew, sheet, as_member):
    as_member(crew["paul"])
    page = client.get(reverse("plateau:call_sheet", args=["2026-04-14"])).content.decode()
    assert "Feuille de service du mardi 14 avril 2026" in page
    for text in ("Écluse de Pontivy", "07:45", "Ana", "12 végétariens", "Romane", "3919"):
        assert text in page
    with open("raccord/static/css/plateau.css") as css:
        assert "@media print" in css.read()
    assert client.get(reverse("plateau:call_sheet", args=["pas-une-date"])).status_code == 404


def _pdf_streams(content: bytes) -> bytes:
    out = b""
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            out += zlib.decompress(match.group(1))
        except zlib.error:
            out += match.group(1)
    return out


def test_the_call_sheet_pdf_embeds_a_unicode_font_with_accents(client, crew, sheet, as_member):
    as_member(crew["paul"])
    response = client.get(reverse("plateau:call_sheet_pdf", args=["2026-04-14"]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    content = response.content
    assert content.startswith(b"%PDF")
    assert b"RaccordSans" in content or b"DejaVu" in content
    streams = _pdf_streams(content)
    # The ToUnicode map proves é, É and the point médian were drawn with real glyphs.
    for codepoint in (b"00E9", b"00C9", b"00B7"):
        assert codepoint in streams.upper()


def test_text_outside_the_font_is_replaced_not_lost():
    assert safe("Référent·e — café") == "Référent·e — café"
    assert safe("漢") == "?"


def test_only_coordination_prepares_call_sheets(client, crew, as_member):
    with pytest.raises(services.PlateauError):
        services.save_call_sheet(crew["ana"], day=date(2026, 4, 15))
    as_member(crew["ana"])
    client.post(reverse("plateau:call_sheets"), {"day": "2026-04-15", "published": "on"})
    assert not crew["ana"].production.call_sheets.exists()
    as_member(crew["coordinator"])
    response = client.post(reverse("plateau:call_sheets"), {"day": "2026-04-15", "published": "on"})
    assert response.status_code == 302
    assert crew["ana"].production.call_sheets.count() == 1


def test_a_draft_sheet_is_hidden_from_members(client, crew, as_member):
    services.save_call_sheet(crew["coordinator"], day=date(2026, 4, 16), published=False)
    as_member(crew["ana"])
    assert client.get(reverse("plateau:call_sheet", args=["2026-04-16"])).status_code == 404


def test_pdf_builds_without_a_request(sheet):
    assert call_sheet_pdf(sheet).startswith(b"%PDF")
