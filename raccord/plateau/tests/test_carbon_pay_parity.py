"""Carbon totals from known factors, CSV export, pay flags, parity score."""

import csv
import io
import re
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.text import slugify

from raccord.plateau import services
from raccord.plateau.models import CarbonEntry, EmissionFactor, PayGrid, PayGridRate, PayLine

pytestmark = pytest.mark.django_db


def factor(code):
    return EmissionFactor.objects.get(code=code)


def test_carbon_totals_use_the_known_factors(crew):
    ines = crew["coordinator"]
    day = date(2026, 4, 14)
    services.log_carbon(ines, day=day, factor_id=factor("meal-red-meat").pk, quantity=10)
    services.log_carbon(ines, day=day, factor_id=factor("meal-chicken").pk, quantity=10)
    services.log_carbon(ines, day=day, factor_id=factor("meal-vegetarian").pk, quantity=20)
    services.log_carbon(ines, day=day, factor_id=factor("petrol-car").pk, quantity=100)
    services.log_carbon(ines, day=day, factor_id=factor("coach").pk, quantity=1000)
    services.log_carbon(
        ines, day=day, factor_id=factor("petrol-car").pk, quantity=300, kind="forecast"
    )
    totals = services.carbon_totals(ines.production)
    # 10 × 7 + 10 × 1.6 + 20 × 0.5 = 96 kg; 100 km × 0.2 + 1000 km × 0.03 = 50 kg
    assert totals["headings"]["meals"]["actual"] == Decimal("96.00")
    assert totals["headings"]["transport"]["actual"] == Decimal("50.00")
    assert totals["headings"]["transport"]["forecast"] == Decimal("60.00")
    assert totals["total"]["actual"] == Decimal("146.00")


def test_editing_a_factor_changes_the_totals(crew):
    f = factor("meal-red-meat")
    services.log_carbon(crew["ana"], day=date(2026, 4, 14), factor_id=f.pk, quantity=2)
    f.kg_co2e_per_unit = Decimal("6.5")
    f.save()
    assert services.carbon_totals(crew["ana"].production)["total"]["actual"] == Decimal("13.00")


def test_a_negative_quantity_is_refused(client, crew, as_member):
    as_member(crew["ana"])
    response = client.post(
        reverse("plateau:carbon"),
        {"day": "2026-04-14", "kind": "actual", "factor": factor("coach").pk, "quantity": "-5"},
    )
    assert response.status_code == 400
    assert not CarbonEntry.objects.exists()


def test_the_logbook_exports_as_csv_with_sources(client, crew, outsider, as_member):
    services.log_carbon(
        crew["ana"],
        day=date(2026, 4, 14),
        factor_id=factor("meal-vegetarian").pk,
        quantity=12,
        note="=HYPERLINK(1)",
    )
    services.log_carbon(outsider, day=date(2026, 4, 14), factor_id=factor("coach").pk, quantity=9)
    as_member(crew["ana"])
    response = client.get(reverse("plateau:carbon_csv"))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert response.content.startswith(b"\xef\xbb\xbf")  # BOM: accents read right
    assert rows[0] == services.CSV_HEADER
    assert rows[1][0] == "14/04/2026"
    assert len(rows) == 2
    assert rows[1][2:5] == ["Repas", "Repas végétarien", "12,00"]
    assert rows[1][8] == "6,00"  # a decimal comma: a French spreadsheet reads a number
    assert "ADEME" in rows[1][7]
    assert rows[1][9].startswith("'=")


def test_pay_below_the_minimum_is_flagged(client, crew, as_member):
    production = crew["ana"].production
    old = PayGrid.objects.create(effective_from=date(2024, 1, 1), is_example=True)
    PayGridRate.objects.create(
        grid=old, code="script-supervisor", position="Scripte", weekly_minimum=Decimal("1200")
    )
    new = PayGrid.objects.create(effective_from=date(2025, 7, 1), is_example=True)
    PayGridRate.objects.create(
        grid=new, code="script-supervisor", position="Scripte", weekly_minimum=Decimal("1300")
    )
    PayGridRate.objects.create(
        grid=new, code="sound", position="Son", weekly_minimum=Decimal("1600")
    )
    PayLine.objects.create(
        production=production,
        position="Scripte",
        grid_code="script-supervisor",
        agreed_weekly_pay=1250,
    )
    PayLine.objects.create(
        production=production, position="Son", grid_code="sound", agreed_weekly_pay=1700
    )
    table = services.pay_table(production)
    assert table["grid"] == new  # the version in force on the first shooting day
    flags = {row["line"].position: row["below"] for row in table["rows"]}
    assert flags == {"Scripte": True, "Son": False}
    assert services.pay_table(production, on=date(2024, 6, 1))["below"] == 0

    as_member(crew["ana"])
    page = client.get(reverse("plateau:pay")).content.decode()
    # Two positions are two named people: neither their pay nor the count below is shown.
    assert "1 250" not in page and "1 700" not in page and "1250" not in page
    assert "Postes payés sous le minimum</dt><dd>non communiqué" in page
    assert "valeurs d’exemple" in page


def test_part_time_minimums_are_prorated(crew):
    grid = PayGrid.objects.create(effective_from=date(2020, 1, 1))
    PayGridRate.objects.create(
        grid=grid, code="script-supervisor", position="Scripte", weekly_minimum=Decimal("1300")
    )
    PayLine.objects.create(
        production=crew["ana"].production,
        position="Scripte",
        grid_code="script-supervisor",
        agreed_weekly_pay=700,
        weekly_hours=20,
    )
    (row,) = services.pay_table(crew["ana"].production)["rows"]
    assert row["minimum"] == Decimal("666.67") and not row["below"]


def test_parity_score_uses_the_shared_grid(client, crew, as_member):
    def post(member, code, woman):
        member.parity_post, member.counts_as_woman = code, woman
        member.save()

    post(crew["ana"], "directing", True)  # 2 points
    post(crew["referent"], "cinematography", True)  # 1 point
    post(crew["paul"], "sound", False)
    post(crew["coordinator"], "editing", None)  # not declared: not counted
    panel = services.parity_panel(crew["ana"].production)
    assert panel["result"].score == 3
    assert panel["result"].threshold == 5
    assert not panel["result"].reached
    as_member(crew["paul"])
    page = client.get(reverse("plateau:parity")).content.decode()
    # Four people on grid posts: below the group of five, no total and no post-by-post status.
    assert "4 personnes de l’équipe occupent" in page
    assert "<td>compté</td>" not in page and "Obtenus" not in page and "Il manque" not in page
    assert page.count("non communiqué") == 2


def test_members_declare_themselves_for_the_parity_grid(client, crew, as_member):
    ana = crew["ana"]
    ana.parity_post = "directing"
    ana.save()
    as_member(ana)
    client.post(reverse("plateau:parity"), {"counts_as_woman": "yes"})
    ana.refresh_from_db()
    assert ana.counts_as_woman is True
    assert services.parity_panel(ana.production)["result"].score == 2
    client.post(reverse("plateau:parity"), {"counts_as_woman": ""})
    ana.refresh_from_db()
    assert ana.counts_as_woman is None


def test_a_carbon_line_is_withdrawn_by_its_author_or_coordination(
    client, crew, outsider, as_member
):
    mine = services.log_carbon(
        crew["ana"], day=date(2026, 4, 14), factor_id=factor("coach").pk, quantity=10
    )
    theirs = services.log_carbon(
        outsider, day=date(2026, 4, 14), factor_id=factor("coach").pk, quantity=10
    )
    as_member(crew["paul"])
    assert client.post(reverse("plateau:carbon_delete", args=[mine.pk])).status_code == 404
    as_member(crew["facilitator"])
    assert client.post(reverse("plateau:carbon_delete", args=[theirs.pk])).status_code == 404
    as_member(crew["ana"])
    assert client.post(reverse("plateau:carbon_delete", args=[mine.pk])).status_code == 302
    assert list(CarbonEntry.objects.all()) == [theirs]


def _everyone_on_a_post(crew, answers):
    posts = ["directing", "cinematography", "sound", "editing", "production_management"]
    for (name, woman), code in zip(answers.items(), posts, strict=False):
        member = crew[name]
        member.parity_post, member.counts_as_woman = code, woman
        member.save()


def _member_pages(client):
    names = ["dashboard", "weather", "decisions", "log", "crew", "care", "carbon", "pay"]
    names += ["parity", "call_sheets"]
    return {name: client.get(reverse(f"plateau:{name}")).content.decode() for name in names}


def test_no_member_page_tells_a_colleagues_parity_answer(client, crew, as_member):
    """The attack: read the parity and crew pages and match posts to names."""
    answers = {"ana": True, "referent": True, "paul": False, "coordinator": None}
    answers["facilitator"] = False
    _everyone_on_a_post(crew, answers)
    as_member(crew["paul"])
    pages = _member_pages(client)
    parity = pages["parity"]
    assert "Comptent comme femmes pour la grille</dt><dd><strong>2</strong> sur 5" in parity
    assert "N’ont pas répondu</dt><dd>1 sur 5" in parity
    for page in pages.values():
        assert "<td>compté</td>" not in page and "non compté" not in page
        assert "réponse non donnée" not in page and "Obtenus" not in page
    # Everyone answers "yes": a total of the whole group would tell each answer, so it goes.
    _everyone_on_a_post(crew, dict.fromkeys(answers, True))
    page = client.get(reverse("plateau:parity")).content.decode()
    assert "Comptent comme femmes pour la grille</dt><dd>non communiqué" in page


def test_no_member_page_tells_a_colleagues_pay(client, crew, as_member):
    grid = PayGrid.objects.create(effective_from=date(2020, 1, 1))
    production = crew["ana"].production
    pays = {"Scripte": 1111, "Son": 2222, "Image": 3333, "Montage": 1444, "Régie": 1555}
    for position, pay in pays.items():
        code = slugify(position)
        PayGridRate.objects.create(grid=grid, code=code, position=position, weekly_minimum=1500)
        PayLine.objects.create(
            production=production, position=position, grid_code=code, agreed_weekly_pay=pay
        )
    as_member(crew["paul"])
    pages = _member_pages(client)
    for page in pages.values():
        digits = re.sub(r"[\s\u202f\xa0.]", "", page)  # 1 111,00 € in any spacing
        for pay in pays.values():
            assert f"{pay},00" not in digits and f">{pay}<" not in digits
    assert "Postes payés sous le minimum</dt><dd><strong>2</strong> sur 5" in pages["pay"]
