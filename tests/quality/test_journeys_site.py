"""The site's own journeys, end to end in Chromium: a visitor writes, a volunteer publishes."""

import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.browser


def test_a_visitor_writes_and_finds_the_acknowledgement_in_their_mailbox(live_url, page, smtp_sink):
    page.goto(f"{live_url}/nous-rencontrer/")
    form = page.locator("main form[method=post]")
    form.get_by_label("Votre nom").fill("Ana Lefèvre")
    form.get_by_label("Votre adresse e-mail").fill("ana@example.org")
    form.get_by_label("Objet").fill("Une projection à Rennes")
    form.get_by_label("Votre message").fill("Bonjour, nous aimerions accueillir vos deux films.")
    form.get_by_role("checkbox", name="J’accepte").check()  # not the ALTCHA box
    form.get_by_role("button", name="Envoyer").click()

    expect_text(page, "votre message est bien arrivé")
    ack = smtp_sink.wait_for("ana@example.org")
    assert "Une projection à Rennes" in smtp_sink.text(ack) + str(ack["Subject"])
    assert ack.get_body(preferencelist=("html",)) is not None
    team = smtp_sink.wait_for(settings.RACCORD_TEAM_EMAIL)
    assert "ana@example.org" in str(team["Reply-To"])
    assert page.console_errors == []


def test_a_volunteer_edits_and_publishes_a_page_then_sees_it_live(live_url, admin_page):
    from raccord.core.models import StandardPage

    collectif = StandardPage.objects.get(url_path__endswith="/le-collectif/")
    page = admin_page
    page.goto(f"{live_url}/admin/pages/{collectif.pk}/edit/")
    page.locator("#id_intro").fill("Nous coopérons sur chaque plateau, de la prépa au montage.")
    with page.expect_navigation():
        page.locator("button[name=action-publish]").dispatch_event("click")
    errors = page.locator(".help-critical, .error-message").all_inner_texts()
    assert not errors, f"the demo page cannot be published as it stands: {errors}"
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))  # back in the explorer

    page.goto(f"{live_url}/le-collectif/")
    expect_text(page, "Nous coopérons sur chaque plateau, de la prépa au montage.")


def expect_text(page, text: str) -> None:
    from playwright.sync_api import expect

    expect(page.get_by_text(text, exact=False).first).to_be_visible()
