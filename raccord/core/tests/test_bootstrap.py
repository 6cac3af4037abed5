"""`bootstrap_site`: the collective's real site, built twice without a change, under any name."""

import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models
from wagtail.fields import StreamField
from wagtail.models import Page, Revision, Site

pytestmark = pytest.mark.django_db

OTHER = "Collectif Exemple"
PATTERN = re.compile(r"on est raccord|onestraccord|on_est_raccord", re.IGNORECASE)


def bootstrap() -> str:
    out = io.StringIO()
    call_command("bootstrap_site", stdout=out)
    return out.getvalue()


def sitemap_paths(client) -> list[str]:
    xml = client.get("/sitemap.xml").content
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    return [urlsplit(loc.text).path for loc in ET.fromstring(xml).findall("s:url/s:loc", ns)]


def test_the_bootstrapped_site_holds_the_real_pages_and_nobody(client):
    bootstrap()
    assert Page.objects.live().filter(depth__gt=1).count() >= 6
    for label in ("people.Contact", "events.Registration", "residencies.Application"):
        assert not apps.get_model(label).objects.exists(), label
    assert not apps.get_model("newsletter.Subscriber").objects.exists()
    for path in ("/", "/le-collectif/", "/soirees/", "/films/", "/exposition/", "/residences/"):
        assert client.get(path).status_code == 200, path
    home = client.get("/").content.decode()
    assert "On Est Raccord" in home and "Infuser" in home and 'href="/infolettre/"' in home
    residency = client.get("/residences/mars-2024/").content.decode()
    for fact in ("Bascule Argoat", "Atelier 7", "Pola", "Romane Rostoll"):
        assert fact in residency
    # What the brochure does not say is left for the team, visibly.
    legal = client.get("/mentions-legales/").content.decode()
    assert "[À compléter" in legal and "hébergeur" in legal


def test_a_second_run_changes_nothing():
    bootstrap()
    counts = {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "organisations": apps.get_model("people.Organisation").objects.count(),
        "settings": apps.get_model("core.SiteSettings").objects.count(),
        "sites": Site.objects.count(),
    }
    identity = apps.get_model("core.SiteSettings").objects.get()
    assert "rien à faire" in bootstrap()
    assert counts == {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "organisations": apps.get_model("people.Organisation").objects.count(),
        "settings": apps.get_model("core.SiteSettings").objects.count(),
        "sites": Site.objects.count(),
    }
    again = apps.get_model("core.SiteSettings").objects.get()
    assert [getattr(again, f.attname) for f in again._meta.concrete_fields] == [
        getattr(identity, f.attname) for f in identity._meta.concrete_fields
    ]


def test_the_identity_written_by_hand_survives_a_new_run():
    bootstrap()
    identity = apps.get_model("core.SiteSettings").objects.get()
    identity.contact_email = "bonjour@exemple.org"
    identity.save()
    bootstrap()
    identity.refresh_from_db()
    assert identity.contact_email == "bonjour@exemple.org"


def test_the_site_record_follows_site_url(settings):
    settings.RACCORD_SITE_URL = "http://127.0.0.1:8300"
    bootstrap()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8300)
    assert site.root_page.full_url == "http://127.0.0.1:8300/"
    settings.RACCORD_SITE_URL = "https://films.example.org"
    call_command("migrate", verbosity=0)  # post_migrate aligns it again
    site.refresh_from_db()
    assert (site.hostname, site.port) == ("films.example.org", 443)


def _rename_in_content(old: str, new: str) -> None:
    """What another collective's team would do in the admin: its own words in every text."""
    for model in apps.get_models():
        if model._meta.app_label not in {
            "core",
            "events",
            "films",
            "newsletter",
            "partners",
            "people",
            "residencies",
            "wagtailcore",
        }:
            continue
        fields = [
            f
            for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField, StreamField)) and f.model is model
        ]
        for obj in model._base_manager.all():
            changed = {}
            for field in fields:
                value = field.value_from_object(obj)
                if isinstance(field, StreamField):
                    raw = json.dumps(list(value.raw_data), ensure_ascii=False)
                    if old in raw:
                        changed[field.name] = json.loads(raw.replace(old, new))
                elif isinstance(value, str) and old in value:
                    changed[field.name] = value.replace(old, new)
            if changed:
                model._base_manager.filter(pk=obj.pk).update(**changed)


def _render_every_mail() -> dict[str, str]:
    """Every mail template (subject, text, HTML) with the context the outbox gives them."""
    from django.template.loader import render_to_string

    from raccord.core import identity

    root = Path(settings.BASE_DIR) / "raccord" / "templates" / "mail"
    context = {
        "site_url": settings.RACCORD_SITE_URL,
        "collective": identity.for_site(None),
        "link": "http://testserver/lien/",
        "url": "http://testserver/lien/",
        "token": "jeton",
    }
    return {
        str(path.relative_to(root)): render_to_string(f"mail/{path.relative_to(root)}", context)
        for path in sorted(root.rglob("*"))
        if path.suffix in (".txt", ".html")
    }


def test_under_another_name_no_page_calendar_or_feed_names_on_est_raccord(client):
    call_command("load_demo", stdout=io.StringIO())
    identity = apps.get_model("core.SiteSettings").objects.get()
    identity.name, identity.short_name = OTHER, "Exemple"
    identity.contact_email = "bonjour@exemple.org"
    identity.instagram_url = "https://www.instagram.com/collectif_exemple/"
    identity.save()
    for old, new in (
        ("On Est Raccord", OTHER),
        ("onestraccord", "exemple"),
        ("on_est_raccord", "exemple"),
        ("on-est-raccord", "exemple"),
    ):
        _rename_in_content(old, new)

    paths = sitemap_paths(client)
    assert len(paths) >= 6
    for path in [*paths, "/actualites/flux.xml", "/soirees/agenda.ics", "/404-absente/"]:
        body = client.get(path).content.decode()
        assert not PATTERN.search(body), path
        assert OTHER in body or path.endswith((".ics", "/404-absente/")), path

    event = apps.get_model("events.EventPage").objects.live().order_by("-start").first()
    ics = client.get(event.ics_url()).content.decode()
    assert not PATTERN.search(ics)
    assert "Soirées · Exemple" in client.get("/soirees/agenda.ics").content.decode()


def test_under_another_name_no_mail_names_on_est_raccord():
    bootstrap()
    identity = apps.get_model("core.SiteSettings").objects.get()
    identity.name, identity.contact_email = OTHER, "bonjour@exemple.org"
    identity.save()
    mails = _render_every_mail()
    assert len(mails) >= 40
    for template, text in mails.items():
        assert not PATTERN.search(text), template
    assert OTHER in mails["people/contact_ack.txt"]
    assert "L’équipe de Collectif Exemple" in mails["events/confirmation.txt"]


def test_the_identity_colours_reach_the_pages_as_css_properties(client, site):
    from raccord.core.models import SiteSettings

    assert "/theme.css" not in client.get("/").content.decode()  # the theme's own colours
    identity = SiteSettings.for_site(site)
    identity.primary_colour, identity.accent_colour = "#123456", "#abcdef"
    identity.save()
    html = client.get("/").content.decode()
    assert 'href="/theme.css?v=123456abcdef"' in html
    css = client.get("/theme.css?v=123456abcdef").content.decode()
    assert "--color-accent: #123456;" in css and "--color-sun: #abcdef;" in css


def test_a_colour_that_is_not_a_colour_never_reaches_the_stylesheet(client, site):
    from raccord.core.models import SiteSettings

    identity = SiteSettings.for_site(site)
    identity.primary_colour = "red}body{display:none"[:7]
    identity.save()
    css = client.get("/theme.css").content.decode()
    assert "red" not in css and "--color-accent" not in css
