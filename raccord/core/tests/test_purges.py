"""An edit that shows on a page purges that page at once, whatever made it (registry.purge).

Each case visits a page until it comes from the cache, edits a row the way the admin, a command
or a task would (a plain `save()` or `delete()`: signals, no view), then visits again: the
page is rendered afresh and shows the edit.
"""

from __future__ import annotations

import io
import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def cached(url: str) -> str:
    visitor = Client()
    visitor.get(url)
    response = visitor.get(url)
    assert response.status_code == 200, url
    assert response["X-Page-Cache"] == "hit", url
    return response.content.decode()


def fresh(url: str) -> str:
    response = Client().get(url)
    assert response["X-Page-Cache"] == "miss", f"{url} still served from the cache"
    return response.content.decode()


def test_edits_that_show_on_a_page_purge_it(demo, page_cache_on, run_on_commit):
    from wagtail.images import get_image_model

    from raccord.events.models import EventPage
    from raccord.films.models import Showing
    from raccord.newsletter import sending
    from raccord.newsletter.models import Campaign
    from raccord.people.models import Organisation
    from raccord.residencies.models import Call, FundingSource, ResidencyPage

    # A partner renamed in the CRM.
    partner = Organisation.objects.filter(is_public=True, circle="partner").first()
    assert partner.name in cached("/partenaires/")
    partner.name = "Bascule Argoat, tiers-lieu"
    partner.save()
    assert "Bascule Argoat, tiers-lieu" in fresh("/partenaires/")

    # Its logo replaced by another image.
    cached("/partenaires/")
    partner.logo = get_image_model().objects.exclude(pk=partner.logo_id).first()
    partner.save(update_fields=["logo"])
    fresh("/partenaires/")

    # Funding: a new secured source changes the residency's funding bar.
    residency = ResidencyPage.objects.live().filter(show_support_block=True).first()
    residency = residency or ResidencyPage.objects.live().first()
    cached(residency.url)
    FundingSource.objects.create(
        residency=residency,
        organisation=partner,
        kind=FundingSource.Kind.PARTNER,
        name=partner.name,
        amount=1234,
        status=FundingSource.Status.GRANTED,
    )
    fresh(residency.url)

    # A call opened by the team (and then deleted).
    call = Call.objects.filter(residency=residency).first()
    if call is not None:
        cached(residency.url)
        call.title = "Appel renommé pour la saison"
        call.save()
        fresh(residency.url)
        cached("/residences/")
        call.delete()
        fresh("/residences/")

    # A showing recorded in a new city.
    cached("/diffusion/")
    Showing.objects.create(
        date=timezone.localdate() - timedelta(days=1),
        title="Projection accompagnée",
        city="Quimperlé",
        is_public=True,
    )
    assert "Quimperlé" in fresh("/diffusion/")

    # A venue renamed: its soirées say so.
    event = EventPage.objects.live().filter(venue__isnull=False).first()
    assert event.venue.name in cached(event.url)
    event.venue.name = "Le DOC, salle du haut"
    event.venue.save()
    assert "Le DOC, salle du haut" in fresh(event.url)

    # A campaign sent by the worker (an update, no signal) joins the archives.
    campaign = Campaign.objects.create(subject="Des nouvelles du plateau", body=[])
    Campaign.objects.filter(pk=campaign.pk).update(status=Campaign.Status.SENDING)
    assert "Des nouvelles du plateau" not in cached("/infolettre/archives/")
    assert campaign.get_absolute_url() not in cached("/sitemap.xml")
    sending.finish(campaign.pk)
    run_on_commit()
    assert "Des nouvelles du plateau" in fresh("/infolettre/archives/")
    sitemap = fresh("/sitemap.xml")  # the archives and each campaign, beside the pages
    assert f"http://testserver{campaign.get_absolute_url()}</loc>" in sitemap
    assert "http://testserver/infolettre/archives/</loc>" in sitemap
    assert "http://testserver/partenaires/</loc>" in sitemap


# --- production-like: Redis, the page cache and the shared fragments on -----------------------

REDIS_URL = "redis://127.0.0.1:6379/13"  # a database number no running site uses


@pytest.fixture
def redis_pages(settings):
    import redis

    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=0.5).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on 127.0.0.1:6379")
    prefix = f"raccord-test-{uuid.uuid4().hex[:8]}"
    backend = {"BACKEND": "raccord.core.redis_cache.RedisCache", "LOCATION": REDIS_URL}
    settings.CACHES = {
        "default": {**backend, "KEY_PREFIX": prefix},
        "pages": {**backend, "KEY_PREFIX": prefix + "-pages"},
    }
    settings.DEBUG = False
    settings.RACCORD_PAGE_CACHE = True
    settings.RACCORD_FRAGMENT_CACHE = True
    yield
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f":1:{prefix}*"):
        client.delete(key)
    for key in client.scan_iter(f"{prefix}*"):
        client.delete(key)


def test_with_redis_an_edited_partner_shows_on_the_partners_page_at_once(demo, redis_pages):
    from raccord.people.models import Organisation

    partner = Organisation.objects.filter(is_public=True, circle="partner").first()
    assert partner.name in cached("/partenaires/")
    assert cached("/partenaires/?utm_source=infolettre")  # a made-up parameter: a hit too
    partner.name = "Atelier 7, coopérative"
    partner.save()
    assert "Atelier 7, coopérative" in fresh("/partenaires/")
    assert "Atelier 7, coopérative" in cached("/partenaires/")
