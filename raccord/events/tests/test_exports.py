"""The registrations export as a volunteer opens it in a French spreadsheet, and the times they read."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from raccord.events.models import Registration

pytestmark = pytest.mark.django_db

# 17:05:42 UTC on 9 March 2025 is 18:05 in Paris (winter time).
SIGNED_UP = datetime.datetime(2025, 3, 9, 17, 5, 42, 123456, tzinfo=datetime.UTC)


@pytest.fixture
def team(client, site):
    user = get_user_model().objects.create_superuser("equipe", "equipe@exemple.org", "pw")
    client.force_login(user)
    return client


@pytest.fixture
def registrations(event, register):
    hostile = register(event, name='=HYPERLINK("https://x.example/";"Voir")', newsletter=True)
    plain = register(event, name="Camille Durand")
    Registration.objects.filter(pk__in=[hostile.pk, plain.pk]).update(
        created_at=SIGNED_UP, confirmed_at=SIGNED_UP
    )
    return hostile, plain


def test_the_registrations_csv_opens_as_columns_in_a_french_spreadsheet(team, event, registrations):
    response = team.get("/admin/soirees/inscriptions/", {"event": event.pk, "export": "csv"})
    body = b"".join(response.streaming_content)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert body.startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads « Soirée », not « SoirÃ©e »
    text = body.decode("utf-8-sig")
    header, *rows = csv.reader(io.StringIO(text), delimiter=";")
    assert header[:6] == ["Soirée", "Nom", "E-mail", "Places", "État", "Réponses"]
    by_name = {row[1]: dict(zip(header, row, strict=True)) for row in rows}
    camille = by_name["Camille Durand"]
    assert camille["État"] == "Confirmée"
    assert camille["Infolettre"] == "Non"
    assert camille["Inscrit·e le"] == "09/03/2025 18:05"  # Paris time, to the minute
    assert camille["Annulée le"] == ""
    for leak in ("True", "False", "None", "+00:00", "confirmed", ":42"):
        assert leak not in text
    # The hostile name is text in the spreadsheet, never a formula.
    hostile = by_name['\'=HYPERLINK("https://x.example/";"Voir")']
    assert hostile["Infolettre"] == "Oui"


def test_the_registrations_xlsx_has_paris_times(team, event, registrations):
    response = team.get("/admin/soirees/inscriptions/", {"event": event.pk, "export": "xlsx"})
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(body)).active
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    by_name = {row[1]: dict(zip(header, row, strict=True)) for row in rows}
    camille = by_name["Camille Durand"]
    assert camille["Inscrit·e le"] == datetime.datetime(2025, 3, 9, 18, 5)
    assert camille["État"] == "Confirmée"
    # XLSX cells are typed: a formula-looking name stays a text cell, as Wagtail writes it.
    assert '=HYPERLINK("https://x.example/";"Voir")' in by_name


def test_the_inspect_view_shows_paris_time_and_oui_non(team, registrations):
    hostile, _ = registrations
    html = team.get(f"/admin/soirees/inscriptions/inspect/{hostile.pk}/").content.decode()
    assert "9 mars 2025 à 18:05" in html
    assert "17:05" not in html
    assert "Oui" in html
    assert "True" not in html and "False" not in html
