"""Stored values in English: the migration converts rows and revisions, and back."""

import importlib

import pytest
from django.apps import apps

from raccord.events.models import EventPage

pytestmark = pytest.mark.django_db

english = importlib.import_module("raccord.events.migrations.0003_kind_values_in_english")


def _stored(event):
    return (
        EventPage.objects.filter(pk=event.pk).values_list("kind", flat=True).get(),
        event.revisions.order_by("-pk").first().content["kind"],
    )


def test_kinds_stored_in_french_become_english_and_back(make_event):
    event = make_event(kind=EventPage.Kind.WORKSHOP)
    EventPage.objects.filter(pk=event.pk).update(kind="atelier")
    revision = event.revisions.order_by("-pk").first()
    revision.content["kind"] = "atelier"
    revision.save(update_fields=["content"])

    english.convert(english.TO_ENGLISH)(apps, None)
    assert _stored(event) == ("workshop", "workshop")
    english.convert(english.TO_FRENCH)(apps, None)
    assert _stored(event) == ("atelier", "atelier")


def test_a_listing_link_with_a_french_kind_still_filters(client, make_event):
    make_event(title="Atelier d’écriture", kind=EventPage.Kind.WORKSHOP)
    make_event(title="Soirée ordinaire")
    html = client.get("/soirees/?type=atelier").content.decode()
    assert "Atelier d’écriture" in html and "Soirée ordinaire" not in html
    assert 'href="/soirees/?type=workshop" aria-current="page"' in html


def test_the_api_gives_the_kind_as_its_english_code(client, make_event):
    make_event(kind=EventPage.Kind.ROUND_TABLE)
    (result,) = client.get("/api/v1/soirees/").json()["results"]
    assert result["kind"] == "round_table"
