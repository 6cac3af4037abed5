"""Météo: one check-in a day, words without names unless signed, trends without people."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from raccord.plateau import services
from raccord.plateau.models import CheckIn

pytestmark = pytest.mark.django_db


def test_a_member_checks_in_once_a_day_and_may_correct_it(client, crew, as_member):
    as_member(crew["ana"])
    client.post(reverse("plateau:weather"), {"energy": "4", "words": "fatiguée"})
    client.post(reverse("plateau:weather"), {"energy": "6", "words": "ça va mieux"})
    (checkin,) = CheckIn.objects.filter(member=crew["ana"])
    assert (checkin.energy, checkin.words, checkin.day) == (6, "ça va mieux", timezone.localdate())


def test_an_empty_or_out_of_range_check_in_is_refused(client, crew, as_member):
    as_member(crew["ana"])
    empty = client.post(reverse("plateau:weather"), {"energy": "", "words": "  "})
    assert empty.status_code == 400
    assert "Donnez une énergie, un mot, ou les deux." in empty.content.decode()
    assert client.post(reverse("plateau:weather"), {"energy": "11"}).status_code == 400
    assert not CheckIn.objects.exists()
    with pytest.raises(services.PlateauError):
        services.check_in(crew["ana"], energy=0)


def test_the_crew_sees_words_without_names_unless_signed(client, crew, as_member):
    services.check_in(crew["ana"], energy=3, words="mal dormi", signed=False)
    services.check_in(crew["paul"], energy=8, words="en forme", signed=True)
    services.check_in(crew["coordinator"], energy=7)
    as_member(crew["referent"])
    page = client.get(reverse("plateau:weather")).content.decode()
    assert "« mal dormi »" in page
    assert '« en forme » <span class="meta">— Paul</span>' in page
    assert "Ana" not in page.split("care-panel")[0].split("plateau-bar__who")[1]
    assert "énergie moyenne <strong>6,0</strong>" in page


def test_the_average_hides_until_three_people_scored(crew):
    services.check_in(crew["ana"], energy=2)
    services.check_in(crew["paul"], energy=9)
    weather = services.day_weather(crew["ana"].production)
    assert weather.count == 2 and weather.average is None and weather.histogram == []
    services.check_in(crew["referent"], energy=7)
    weather = services.day_weather(crew["ana"].production)
    assert weather.average == 6.0
    assert sum(bar["count"] for bar in weather.histogram) == 3


def test_facilitation_sees_a_trend_chart_and_never_a_ranking(client, crew, as_member):
    production = crew["ana"].production
    today = timezone.localdate()
    for offset, energies in ((2, (5, 6, 7)), (1, (3, 4, 5)), (0, (8, 8, 9))):
        day = today - timezone.timedelta(days=offset)
        for member, energy in zip(
            (crew["ana"], crew["paul"], crew["referent"]), energies, strict=True
        ):
            CheckIn.objects.create(production=production, member=member, day=day, energy=energy)
    trend = services.weather_trend(production)
    assert [row["average"] for row in trend] == [6.0, 4.0, 8.3]
    as_member(crew["facilitator"])
    page = client.get(reverse("plateau:weather_trend")).content.decode()
    assert "<svg" in page and "trend-chart__line" in page
    svg = page.split("<svg")[1].split("</svg>")[0]
    assert not re.search(r'(x|y|x1|x2|y1|y2|cx|cy)="[^"]*,', svg)  # no French decimal commas
    assert not re.search(r"<script(?![^>]*\ssrc=)", page) and 'style="' not in page
    main = page.split('class="plateau-main"')[1].split("care-panel")[0]
    for name in ("Ana", "Paul", "Romane"):
        assert name not in main
