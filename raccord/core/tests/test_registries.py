"""What apps register at start-up reaches core: demo loaders, GDPR sections, the admin home."""

import io
import json

import pytest
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse

from raccord.core import registry
from raccord.core.dashboard import DashboardPanel
from raccord.core.registry import GdprSection, RequestSource

pytestmark = pytest.mark.django_db

# Rows that record how the site is used rather than what the demo made.
VOLATILE = ("sessions.", "axes.", "django_tasks_db.", "wagtailcore.modellogentry")


def row_counts() -> dict[str, int]:
    return {
        model._meta.label_lower: model._base_manager.count()
        for model in apps.get_models()
        if not model._meta.label_lower.startswith(VOLATILE)
    }


def test_every_app_registers_its_demo_and_gdpr_section_lowest_layer_first():
    assert registry.demo.keys() == [
        "core", "partners", "newsletter", "events", "residencies", "films", "plateau",
    ]  # fmt: skip
    assert registry.gdpr.keys() == [
        "people", "partners", "newsletter", "events", "residencies", "films", "plateau",
    ]  # fmt: skip
    assert set(registry.scale.keys()) >= {"core", "people", "newsletter", "events", "films"}


def test_load_demo_twice_changes_nothing_and_mails_nobody(settings, tmp_path, sent_mails):
    from raccord.core.outbox import OutgoingMail

    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("load_demo", stdout=io.StringIO())
    assert sent_mails() == []  # its people are fictional, their addresses may not be
    assert not OutgoingMail.objects.exclude(status=OutgoingMail.Status.FAILED).exists()
    first = row_counts()
    assert first["films.filmpage"] == 2 and first["residencies.residencypage"] == 2
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "déjà en place : rien à faire" in out.getvalue()
    assert row_counts() == first


def test_higher_apps_demos_link_what_lower_ones_made(settings, tmp_path, client):
    from raccord.events.models import EventPage
    from raccord.films.models import FilmPage
    from raccord.residencies.models import ResidencyPage

    settings.MEDIA_ROOT = str(tmp_path / "media")
    call_command("load_demo", stdout=io.StringIO())
    march = ResidencyPage.objects.get(slug="mars-2024")
    assert set(FilmPage.objects.values_list("residency", flat=True)) == {march.pk}
    assert march.outputs.get().page.slug == "exposition"
    soiree = EventPage.objects.get(slug="prendre-soin-sur-les-plateaux-mars-2025")
    html = client.get(soiree.url).content.decode()
    assert 'href="/films/sur-ecoute/"' in html


def test_a_registered_gdpr_section_is_in_the_export_and_on_the_admin_page(registered, admin_client):
    from raccord.people import gdpr_registry, services

    erased = []
    registered(
        registry.gdpr,
        "essai",
        GdprSection(
            "essai",
            "Un module d’essai",
            export=lambda contact: {"note": f"Écrit par {contact.name}"},
            erase=lambda contact: erased.append(contact.email),
        ),
    )
    contact = services.find_or_create(email="ana@example.org", name="Ana")
    document = json.loads(gdpr_registry.export_json(contact))
    assert document["donnees"]["essai"] == {"note": "Écrit par Ana"}
    assert "essai;note;Écrit par Ana" in gdpr_registry.export_csv(contact)
    html = admin_client.get("/admin/contacts/rgpd/", {"email": "ana@example.org"}).content
    assert "Un module d’essai" in html.decode()
    gdpr_registry.erase(contact)
    assert erased == ["ana@example.org"]


def test_a_registered_request_source_and_panel_show_on_the_admin_home(registered, admin_client):
    from raccord.people.models import Contact

    Contact.objects.create(email="nouvelle@example.org", name="Nouvelle Personne")
    registered(
        registry.requests,
        "essai",
        RequestSource(
            "Fiches à vérifier",
            new_items=lambda: Contact.objects.filter(email__startswith="nouvelle"),
            admin_url=lambda: reverse("wagtailadmin_home"),
            describe=lambda contact: f"Fiche de {contact.name}",
        ),
    )

    class Reminder(DashboardPanel):
        name = "essai"

        def render_html(self, parent_context=None):
            return "<p>Un panneau d’essai</p>"

    registered(registry.dashboard, "essai", registry.Panel("essai", 10, Reminder))
    html = admin_client.get("/admin/").content.decode()
    assert "Fiches à vérifier" in html and "Fiche de Nouvelle Personne" in html
    assert "Un panneau d’essai" in html
