"""Journeys in a real browser: register to a soirée, find the mail and its .ics, cancel."""

import icalendar
import pytest

pytestmark = pytest.mark.browser

UPCOMING_SLUG = "creer-des-films-en-cooperation-2027"


def _event_url(live_url):
    from raccord.events.models import EventPage

    event = EventPage.objects.get(slug=UPCOMING_SLUG)
    return live_url + event.get_url()


def _expect_text(page, text):
    from playwright.sync_api import expect

    expect(page.get_by_text(text, exact=False).first).to_be_visible()


def test_a_visitor_registers_gets_the_ics_and_cancels_from_the_mail(live_url, page, smtp_sink):
    page.goto(_event_url(live_url))
    form = page.locator("form.registration-form")
    form.get_by_label("Nom ou pseudonyme").fill("Ana Lefèvre")
    form.get_by_label("Adresse e-mail").fill("ana@example.org")
    form.get_by_label("Nombre de places").select_option("2")
    form.get_by_role("button", name="M’inscrire").click()
    _expect_text(page, "Demande reçue")

    mail = smtp_sink.wait_for("ana@example.org", subject="confirmée")
    (ics,) = [a for a in mail.iter_attachments() if (a.get_filename() or "").endswith(".ics")]
    content = ics.get_content()
    calendar = icalendar.Calendar.from_ical(
        content.encode() if isinstance(content, str) else content
    )
    start = calendar.walk("VEVENT")[0].decoded("dtstart")
    assert str(start.tzinfo) == "Europe/Paris" and start.hour == 18 and start.minute == 30

    (link,) = [url for url in smtp_sink.links(mail) if "/mon-inscription/" in url]
    page.goto(link)
    _expect_text(page, "Ana Lefèvre")
    page.get_by_label("Nombre de places").select_option("1")
    page.get_by_role("button", name="Enregistrer les changements").click()
    _expect_text(page, "C’est enregistré")
    assert smtp_sink.wait_for("ana@example.org", subject="mise à jour")
    page.get_by_role("button", name="Annuler mon inscription").click()
    _expect_text(page, "Votre inscription est annulée")
    assert smtp_sink.wait_for("ana@example.org", subject="annulée")
    assert page.console_errors == []


def test_registration_works_with_the_keyboard_only(live_url, page, smtp_sink):
    checks = pytest.importorskip("tests.quality.checks")
    page.goto(_event_url(live_url))
    checks.keyboard_only_submit(
        page,
        "form.registration-form",
        {"name": "Sam Clavier", "email": "sam@example.org"},
        max_tabs=120,
    )
    _expect_text(page, "Demande reçue")
    assert smtp_sink.wait_for("sam@example.org", subject="confirmée")
