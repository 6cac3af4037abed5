"""Soirées in the infolettre: the newsletter shows their cards without importing events."""

import pytest

from raccord.core import registry
from raccord.events.models import EventPage
from raccord.newsletter.blocks import render_blocks
from raccord.newsletter.models import Campaign

pytestmark = pytest.mark.django_db


def test_events_declares_the_soiree_kind_the_infolettre_points_at():
    assert registry.page_kinds.get("soiree").model is EventPage
    card_block = Campaign.body.field.stream_block.child_blocks["event"]
    assert card_block.child_blocks["page"].target_models == [EventPage]


def test_a_campaign_featuring_a_soiree_shows_its_card_on_the_web_and_in_both_mail_parts(
    make_event,
):
    from django.utils import timezone

    event = make_event(
        title="Prendre soin sur les plateaux", start=timezone.now().replace(year=2031)
    )
    Campaign.objects.create(
        subject="Infolettre",
        body=[("event", {"page": event, "note": "Venez nombreuses et nombreux."})],
    )
    campaign = Campaign.objects.get()
    web = render_blocks(campaign.body, "web")
    mail = render_blocks(campaign.body, "mail")
    text = render_blocks(campaign.body, "text")
    assert 'class="card newsletter-card newsletter-card--event"' in web
    assert f'<a href="{event.url}">Prendre soin sur les plateaux</a>' in web
    for version in (web, mail, text):
        assert "2031" in version and "le DOC (Paris)" in version
        assert "Exposition, projection et table ronde." in version
        assert "Venez nombreuses et nombreux." in version
    assert "Voir la soirée" in mail and '<p class="card-kind">Soirée</p>' in mail
    assert "SOIRÉE — Prendre soin sur les plateaux" in text
    assert f"http://testserver{event.url}" in text


def test_an_unpublished_soiree_drops_out_of_the_campaign(make_event):
    event = make_event(title="Soirée annulée")
    event.unpublish()
    Campaign.objects.create(subject="Infolettre", body=[("event", {"page": event})])
    assert "Soirée annulée" not in render_blocks(Campaign.objects.get().body, "mail")


def test_the_first_infolettre_shows_cards_of_the_two_soirees(client, site):
    from raccord.core.demo_support import DemoContext
    from raccord.events import demo as events_demo
    from raccord.newsletter import demo as newsletter_demo
    from raccord.newsletter.sending import render_campaign

    ctx = DemoContext(site=site, home=site.root_page.specific)
    newsletter_demo.load(ctx)
    events_demo.load(ctx)
    html = client.get("/infolettre/archives/infolettre-1/").content.decode()
    assert html.count("newsletter-card--event") == 2
    assert 'href="/soirees/' in html
    assert "Bascule Argoat" in html and "Récolter la tempête" in html

    campaign = Campaign.objects.get(slug="infolettre-1")
    assert campaign.deliveries.count() == 3  # the demo's subscribers of its two topics
    rendered = render_campaign(campaign)
    assert "Voir la soirée" in rendered.html and "SOIRÉE — " in rendered.text
    assert "http://testserver/soirees/" in rendered.html

    again = DemoContext(site=site, home=site.root_page.specific)
    events_demo.load(again)
    assert again.created == [] and Campaign.objects.count() == 1


def test_the_infolettre_imports_neither_events_nor_films():
    """The layers (.importlinter) say so; this names the rule where the infolettre is tested."""
    import grimp

    graph = grimp.build_graph("raccord")
    for module in list(graph.modules):
        if ".tests" in module:
            graph.remove_module(module)
    for higher in ("raccord.events", "raccord.films"):
        assert not graph.chain_exists("raccord.newsletter", higher, as_packages=True), higher
