"""Browser journey: apply to the open residency call and find the acknowledgement."""

import pytest


@pytest.mark.browser
def test_a_visitor_applies_to_the_residency_call_and_gets_the_acknowledgement(
    live_url, page, smtp_sink
):
    page.goto(f"{live_url}/residences/creer-des-films-en-cooperation/")
    page.get_by_role("link", name="Candidater").click()
    form = page.locator("form.application-form")
    form.get_by_label("Prénom et nom").fill("Ana Le Bihan")
    form.get_by_label("Adresse e-mail").fill("ana@example.org")
    form.get_by_label("Son (2 places)").check()
    form.get_by_label("Votre expérience").fill("Perchiste sur trois courts-métrages.")
    form.get_by_label("Pourquoi voulez-vous venir ?").fill("Tourner en coopération.")
    form.get_by_label("Disponibilités").fill("Toute la résidence.")
    form.get_by_label("Végétarien").check()
    form.get_by_role("button", name="Envoyer ma candidature").click()
    page.get_by_role("heading", name="Merci, votre candidature est envoyée").wait_for()
    mail = smtp_sink.wait_for("ana@example.org", subject="Candidature bien reçue")
    assert "Créer des films en coopération" in smtp_sink.text(mail)
    assert not [url for url in page.requests if not url.startswith(live_url)]
