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


def test_stream_data_saved_before_the_kind_choosers_still_loads(make_event):
    """Old and new choosers store the same thing, a page id: rows written before still load."""
    import json

    from raccord.films.models import FilmIndexPage
    from raccord.films.tests.conftest import make_film
    from raccord.newsletter.blocks import render_blocks
    from raccord.newsletter.models import Campaign

    event = make_event(title="Soirée d’avant")
    films = FilmIndexPage(title="Films", slug="films")
    event.get_parent().get_parent().add_child(instance=films)
    film_page = make_film(films, title="Sur écoute")
    projection = {"film": film_page.pk, "title": "Sur écoute", "description": ""}
    EventPage.objects.filter(pk=event.pk).update(
        programme=json.dumps([{"type": "projection", "value": projection, "id": "p1"}])
    )
    card = {"page": event.pk, "note": "À ne pas manquer."}
    campaign = Campaign.objects.create(subject="Ancienne", body=[])
    Campaign.objects.filter(pk=campaign.pk).update(
        body=json.dumps([{"type": "event", "value": card, "id": "c1"}])
    )

    (block,) = EventPage.objects.get(pk=event.pk).programme
    assert block.value["film"].pk == film_page.pk
    mail = render_blocks(Campaign.objects.get(pk=campaign.pk).body, "mail")
    assert "Soirée d’avant" in mail and "À ne pas manquer." in mail
