"""Anonymous pages can be shared by every cache; the dynamic parts stay right when they are.

- every public page type says `Cache-Control: public, max-age=…`, sets no cookie and does not
  vary on Cookie, so nginx's micro-cache and the app's page cache may keep it;
- with the page cache on, a registration changes the seat count on the event page at once
  (the purge on `event_seats_changed` works);
- forms on a page served from the cache still work: anonymous POSTs need no CSRF token.
"""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from .test_query_budgets import _urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def test_every_public_page_type_is_shareable_by_caches(demo, client, settings, page_cache_on):
    problems = []
    for name, url in _urls().items():
        response = client.get(url)
        cache_control = response.get("Cache-Control", "")
        if response.status_code != 200:
            problems.append(f"{name} {url}: status {response.status_code}")
        if not re.search(r"\bpublic\b", cache_control) or "max-age=" not in cache_control:
            problems.append(f"{name} {url}: Cache-Control {cache_control!r}")
        if response.cookies or response.has_header("Set-Cookie"):
            problems.append(f"{name} {url}: sets {list(response.cookies)}")
        if "cookie" in response.get("Vary", "").lower():
            problems.append(f"{name} {url}: Vary {response['Vary']!r}")
    assert not problems, "\n".join(problems)


def _event_with_seats():
    from raccord.events.models import EventPage

    for event in EventPage.objects.live().filter(start__gt=timezone.now()).order_by("start"):
        if event.registration_is_open() and event.capacity:
            return event
    pytest.skip("the demo has no upcoming soirée open for registration")


def _seat_text(html: str) -> str:
    match = re.search(r'class="seat-count"[^>]*>(.*?)</dd>', html, re.S)
    assert match, "the event page shows no seat count"
    return match.group(1).strip()


def test_a_registration_on_a_cached_event_page_updates_its_seat_count_at_once(
    demo, page_cache_on, run_on_commit
):
    event = _event_with_seats()
    url = event.url
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(url)
    cached = visitor.get(url)
    assert cached["X-Page-Cache"] == "hit"
    before = event.remaining_seats()
    assert f"{before} place" in _seat_text(cached.content.decode())

    # The form of the page served from the cache, posted as a browser would: no token, no cookie.
    html = cached.content.decode()
    action = re.search(r'<form[^>]+action="([^"]*inscription/)"', html).group(1)
    assert "csrfmiddlewaretoken" not in html
    response = visitor.post(
        action,
        {"name": "Camille Martin", "email": "camille.cache@exemple.org", "seats": "1"},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 303, response.content.decode()[:500]
    run_on_commit()  # seats_changed fires after commit, as in production

    after = visitor.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert f"{before - 1} place" in _seat_text(after.content.decode())
    places = visitor.get(f"/soirees/{event.pk}/places.json").json()
    assert places["remaining_seats"] == before - 1


def test_the_newsletter_form_works_from_a_cached_page(demo, page_cache_on, run_on_commit):
    from raccord.newsletter.models import Subscriber

    visitor = Client(enforce_csrf_checks=True)
    visitor.get("/infolettre/")
    cached = visitor.get("/infolettre/")
    assert cached["X-Page-Cache"] == "hit"
    html = cached.content.decode()
    form = re.search(r'<form[^>]+action="([^"]*inscription/)"(.*?)</form>', html, re.S)
    assert form, "no signup form on /infolettre/"
    data = {"email": "dominique.cache@exemple.org", "name": "Dominique"}
    # Required checkboxes (consent, topics): tick the first of each name, as a visitor would.
    for name, value in re.findall(r'type="checkbox" name="([^"]+)" value="([^"]*)"', form[2]):
        data.setdefault(name, value)
    for name in re.findall(r'type="checkbox" name="([^"]+)"(?! value)', form[2]):
        data.setdefault(name, "on")
    response = visitor.post(form[1], data, HTTP_ORIGIN="http://testserver")
    assert response.status_code == 303, response.content.decode()[:800]
    assert not response.cookies
    assert Subscriber.objects.filter(contact__email="dominique.cache@exemple.org").exists()
