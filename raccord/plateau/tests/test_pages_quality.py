"""Workspace pages: query budgets that hold as data grows, valid HTML, no inline code."""

import re
from datetime import date, time, timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from raccord.plateau import services
from raccord.plateau.models import CheckIn, EmissionFactor

from .conftest import add_member

pytestmark = pytest.mark.django_db

PAGES = [
    ("plateau:dashboard", ()),
    ("plateau:weather", ()),
    ("plateau:weather_trend", ()),
    ("plateau:decisions", ()),
    ("plateau:log", ()),
    ("plateau:crew", ()),
    ("plateau:care", ()),
    ("plateau:call_sheets", ()),
    ("plateau:call_sheet", ("2026-04-14",)),
    ("plateau:carbon", ()),
    ("plateau:pay", ()),
    ("plateau:parity", ()),
]


def grow(crew, size):
    production = crew["facilitator"].production
    people = [
        add_member(production, f"p{i}-{size}@example.org", f"Personne {i}") for i in range(size)
    ]
    today = timezone.localdate()
    for index, person in enumerate(people):
        for offset in range(3):
            CheckIn.objects.create(
                production=production,
                member=person,
                day=today - timedelta(days=offset),
                energy=1 + index % 10,
                words=f"mot {index}",
            )
        proposal = services.propose(person, title=f"Proposition {index}", body="Texte")
        services.answer(crew["ana"], proposal, choice="consent")
    sheet, _ = production.call_sheets.get_or_create(day=date(2026, 4, 14))
    for person in people:
        sheet.calls.update_or_create(member=person, defaults={"time": time(8, 0)})
    factor = EmissionFactor.objects.first()
    for _ in range(size):
        services.log_carbon(crew["ana"], day=today, factor_id=factor.pk, quantity=3)


@pytest.mark.parametrize(("name", "args"), PAGES)
def test_queries_do_not_grow_with_the_crew(
    client, crew, as_member, django_assert_max_num_queries, name, args
):
    as_member(crew["facilitator"])
    url = reverse(name, args=args)
    grow(crew, 3)
    client.get(url)  # warm the caches (site root, menus) both times: compare steady states
    connection.queries_log.clear()  # the log keeps 9,000 queries: past that, counts read 0
    with django_assert_max_num_queries(40) as small:
        client.get(url)
    budget = len(small.captured_queries) + 2  # read now: it is a view on the log, cleared below
    grow(crew, 15)
    client.get(url)
    connection.queries_log.clear()
    with django_assert_max_num_queries(budget):
        assert client.get(url).status_code == 200


def test_pages_have_no_inline_script_or_style(client, crew, as_member):
    as_member(crew["facilitator"])
    crew["facilitator"].production.call_sheets.create(day=date(2026, 4, 14))
    for name, args in PAGES:
        html = client.get(reverse(name, args=args)).content.decode()
        # Only external scripts (the footer's ALTCHA widget), never inline ones.
        assert not re.search(r"<script(?![^>]*\ssrc=)", html), name
        assert 'style="' not in html and "<style" not in html, name


def test_pages_are_valid_html(client, crew, as_member):
    from tests.quality.checks import vnu_errors

    as_member(crew["facilitator"])
    crew["facilitator"].production.call_sheets.create(day=date(2026, 4, 14))
    documents = {
        name: client.get(reverse(name, args=args)).content.decode() for name, args in PAGES
    }
    from django.test import Client

    documents["login"] = Client().get(reverse("plateau:login")).content.decode()
    errors = {name: found for name, found in vnu_errors(documents).items() if found}
    assert errors == {}, "\n".join(f"{n}: {e}" for n, found in errors.items() for e in found)
