"""One rule for what may be cached, checked on every URL the site answers.

Every Django URL pattern, every view mounted under a page (registry.page_routes) and every page
type of the demo is either:

- personal (reached through a link made for one person): `Cache-Control: private, no-store`,
  never stored by the page cache, whatever the link's state;
- public: shareable (`public, max-age`), stored once, and served from the cache whatever
  made-up query parameter a visitor or a bot adds (`?nocache=1`, `?utm_source=…`);
- or not a page anyone could cache (a POST endpoint, a health check, a search), said here with
  its reason. A new URL fails the first test until it is put in one of these lists.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from raccord.core import page_cache, registry

pytestmark = pytest.mark.django_db

PERSONAL = {
    "mes-donnees/",
    "mes-donnees/lien-envoye/",
    "mes-donnees/acces/<str:token>/",
    "mes-donnees/effacer/<str:token>/",
    "soirees/mon-inscription/<str:token>/",
    "soirees/mon-inscription/<str:token>/modifier/",
    "infolettre/confirmer/<str:token>/",
    "infolettre/desinscription/<str:token>/",
    "infolettre/preferences/<str:token>/",
}
# Plateau is a crew's private workspace: every URL under it is personal.
PERSONAL_PREFIX = "plateau/"

PUBLIC = {
    "sitemap.xml",
    "robots.txt",
    "actualites/flux.xml",
    "soirees/agenda.ics",
    "soirees/<int:pk>/inscription/<slug:outcome>/",
    "soirees/<int:pk>/places.json",
    "soirees/<int:pk>/soiree.ics",
    "api/v1/soirees/",
    "infolettre/inscription/merci/",
    "infolettre/archives/",
    "infolettre/archives/<slug:slug>/",
    "diffusion/demande/<slug:kind>/",
    "diffusion/demande/<slug:kind>/envoyee/",
    "^((?:[\\w\\-]+/)*)$",  # Wagtail's pages: checked one page type at a time below
}

NOT_CACHED = {
    "healthz": "the state of the server now",
    "anti-robot/defi": "a fresh challenge for each form",
    "recherche/": "any text is a new key: shareable for a few seconds, never stored",
    "soirees/<int:pk>/inscription/": "the form posts here; a GET goes back to the soirée",
    "infolettre/inscription/": "the form posts here; a GET goes back to /infolettre/",
    "infolettre/webhooks/brevo/tracking/": "an ESP webhook (POST)",
    "infolettre/webhooks/mailjet/tracking/": "an ESP webhook (POST)",
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
        "Wagtail's password form for restricted pages (POST)"
    ),
    "_util/login/": "Wagtail's login for restricted pages",
    "theme.css": "a few bytes from the identity setting; browsers keep it a day, and its URL "
    "changes with the colours",
}

MADE_UP = "?nocache=1&utm_source=lettre&_=1733138400"


def routes(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    found = []
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if route.startswith(("admin/", "documents/")):  # sessions only, skipped by the cache
                continue
            found += routes(pattern, route)
        elif isinstance(pattern, URLPattern):
            found.append(route)
    return found


def test_every_url_pattern_has_its_place_in_the_rule():
    walked = set(routes())
    personal = PERSONAL | {r for r in walked if r.startswith(PERSONAL_PREFIX)}
    assert walked == personal | PUBLIC | set(NOT_CACHED)
    assert not (PERSONAL & PUBLIC) and not (PUBLIC & set(NOT_CACHED))


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=io.StringIO())


def personal_urls() -> dict[str, str]:
    from raccord.core import signed_links
    from raccord.events import services as events
    from raccord.events.models import Registration
    from raccord.newsletter import services as newsletter
    from raccord.newsletter.models import Subscriber
    from raccord.people import services as people
    from raccord.people.models import Contact

    subscriber = Subscriber.objects.select_related("contact").first()
    confirm = signed_links.make(
        "newsletter.confirm", subscriber.pk, max_age=newsletter.CONFIRM_MAX_AGE
    )
    manage = newsletter.manage_token(subscriber)
    registration = Registration.objects.first()
    contact = Contact.objects.first()
    return {
        "mes-donnees/": "/mes-donnees/",
        "mes-donnees/lien-envoye/": "/mes-donnees/lien-envoye/",
        "mes-donnees/acces/<str:token>/": f"/mes-donnees/acces/{people.my_data_token(contact)}/",
        "mes-donnees/effacer/<str:token>/": f"/mes-donnees/effacer/{people.my_data_token(contact)}/",
        "soirees/mon-inscription/<str:token>/": (
            f"/soirees/mon-inscription/{events.manage_token(registration)}/"
        ),
        "soirees/mon-inscription/<str:token>/modifier/": (
            f"/soirees/mon-inscription/{events.manage_token(registration)}/modifier/"
        ),
        "infolettre/confirmer/<str:token>/": f"/infolettre/confirmer/{confirm}/",
        "infolettre/desinscription/<str:token>/": f"/infolettre/desinscription/{manage}/",
        "infolettre/preferences/<str:token>/": f"/infolettre/preferences/{manage}/",
    }


def public_urls() -> dict[str, str]:
    from raccord.events.models import EventPage
    from raccord.newsletter.models import Campaign

    event = EventPage.objects.live().filter(start__gt=timezone.now()).first()
    campaign = Campaign.objects.archived().first()
    return {
        "sitemap.xml": "/sitemap.xml",
        "robots.txt": "/robots.txt",
        "actualites/flux.xml": "/actualites/flux.xml",
        "soirees/agenda.ics": "/soirees/agenda.ics",
        "soirees/<int:pk>/inscription/<slug:outcome>/": f"/soirees/{event.pk}/inscription/recue/",
        "soirees/<int:pk>/places.json": f"/soirees/{event.pk}/places.json",
        "soirees/<int:pk>/soiree.ics": f"/soirees/{event.pk}/soiree.ics",
        "api/v1/soirees/": "/api/v1/soirees/",
        "infolettre/inscription/merci/": "/infolettre/inscription/merci/",
        "infolettre/archives/": "/infolettre/archives/",
        "infolettre/archives/<slug:slug>/": f"/infolettre/archives/{campaign.slug}/",
        "diffusion/demande/<slug:kind>/": "/diffusion/demande/projection/",
        "diffusion/demande/<slug:kind>/envoyee/": "/diffusion/demande/projection/envoyee/",
    }


def page_urls() -> dict[str, list[str]]:
    """Live pages of each page type, and of each page with a view mounted under it."""
    from wagtail.models import Page

    from raccord.core.models import RaccordPage

    urls: dict[str, list[str]] = {}
    for page in Page.objects.live().specific().order_by("path"):
        if isinstance(page, RaccordPage):
            urls.setdefault(type(page).__name__, []).append(page.url)
    for route in registry.page_routes:
        pattern = re.sub(r"<int:\w+>", "1", route.pattern)
        pages = route.model.objects.live().order_by("-first_published_at")
        urls[f"{route.model.__name__}:{route.name}"] = [page.url + pattern for page in pages]
    return urls


def _cache_control(response) -> set[str]:
    return {p.strip().split("=")[0] for p in response.get("Cache-Control", "").split(",")}


def test_personal_pages_say_private_no_store_and_never_enter_the_cache(demo, page_cache_on):
    visitor = Client()
    urls = personal_urls()
    assert set(urls) == PERSONAL
    for route, url in urls.items():
        attempts = [url, url, url + MADE_UP]  # twice, then with made-up parameters
        if route.endswith("<str:token>/"):
            attempts.append(url[:-4] + "xx/")  # a broken link's page is personal too
        for attempt in attempts:
            response = visitor.get(attempt)
            assert {"private", "no-store"} <= _cache_control(response), (attempt, response)
            assert "X-Page-Cache" not in response, attempt


def test_plateau_is_personal_too(demo, page_cache_on):
    visitor = Client()
    for url in ("/plateau/", "/plateau/lien-envoye/", "/plateau/connexion/jeton/"):
        response = visitor.get(url)
        assert "public" not in _cache_control(response), url
        assert "X-Page-Cache" not in response, url


def _check_public(name, candidates, problems):
    """The first candidate that answers 200 (an open call, a published plate) is checked."""
    for url in candidates:
        visitor = Client()
        first = visitor.get(url)
        if first.status_code == 200:
            break
    else:
        problems.append(f"{name}: no page answers 200 among {candidates[:3]}")
        return
    if "public" not in _cache_control(first):
        problems.append(f"{name} {url}: Cache-Control {first.get('Cache-Control')!r}")
        return
    again = visitor.get(url + ("&" if "?" in url else "?") + MADE_UP[1:])
    if again.get("X-Page-Cache") != "hit":
        problems.append(f"{name} {url}: a made-up parameter is a new key")
    elif again.content != visitor.get(url).content:
        problems.append(f"{name} {url}: the made-up parameter changed the page")


def test_public_urls_are_cached_once_whatever_made_up_parameters_they_get(demo, page_cache_on):
    urls = {name: [url] for name, url in public_urls().items()}
    assert set(urls) == PUBLIC - {"^((?:[\\w\\-]+/)*)$"}
    urls.update(page_urls())
    problems = []
    for name, candidates in urls.items():
        _check_public(name, candidates, problems)
    assert not problems, "\n".join(problems)


def test_a_parameter_a_page_uses_is_in_the_key(demo, page_cache_on):
    visitor = Client()
    visitor.get("/soirees/")
    assert visitor.get("/soirees/?nocache=1")["X-Page-Cache"] == "hit"
    filtered = visitor.get("/soirees/?type=screening&nocache=2")
    assert filtered["X-Page-Cache"] == "miss"
    assert visitor.get("/soirees/?utm_source=x&type=screening")["X-Page-Cache"] == "hit"


def test_the_cache_key_never_holds_a_request_header(demo, page_cache_on):
    Client().get("/", HTTP_ACCEPT_LANGUAGE="fr-FR")
    other = Client().get("/", HTTP_ACCEPT_LANGUAGE="en-GB", HTTP_USER_AGENT="robot/1.0")
    assert other["X-Page-Cache"] == "hit"


def test_every_query_parameter_a_public_view_reads_is_declared():
    """Source check: a parameter read but not declared would be dropped by the cache."""
    from wagtail.models import Page

    declared = set(page_cache.declared_params)
    for model in _subclasses(Page):
        declared |= set(getattr(model, "cache_params", ()))
    # Read on personal pages only (never cached, so never stripped).
    personal_params = {"enregistre", "annulee", "modifiee", "envoye"}
    root = Path(page_cache.__file__).resolve().parent.parent
    undeclared = []
    for source in root.rglob("*.py"):
        relative = source.relative_to(root).as_posix()
        if "/tests/" in relative or relative.endswith("admin_views.py"):
            continue
        if relative.startswith("plateau/"):
            continue
        for name in re.findall(
            r"GET(?:\.get|\.getlist)?[\(\[]\s*[\"'](\w+)[\"']", source.read_text()
        ):
            if name not in declared | personal_params:
                undeclared.append(f"{relative}: {name}")
    assert not undeclared, undeclared


def _subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)
