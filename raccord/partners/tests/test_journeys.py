"""Browser journeys: propose a partnership, ask for one's data."""

import pytest

pytestmark = pytest.mark.browser


def test_a_venue_proposes_a_partnership_and_gets_an_acknowledgement(live_url, page, smtp_sink):
    page.goto(f"{live_url}/partenaires/")
    page.get_by_role("link", name="Proposer un partenariat").click()
    page.get_by_label("Votre nom").fill("Ana Journey")
    page.get_by_label("Votre adresse e-mail").fill("ana.partner@example.org")
    page.get_by_label("Votre organisation").fill("Ciné Journey")
    page.get_by_label("Diffusion").check()
    page.get_by_label("Votre message").fill("Nous voulons projeter vos deux courts-métrages.")
    page.get_by_role("button", name="Envoyer ma proposition").click()
    page.get_by_role("heading", name="Merci pour votre message").wait_for()

    mail = smtp_sink.wait_for("ana.partner@example.org", subject="proposition de partenariat")
    assert "projeter vos deux courts-métrages" in smtp_sink.text(mail)
    assert all(url.startswith(live_url) for url in page.requests)
    assert not page.console_errors


def test_a_person_asks_for_their_data_and_downloads_it(live_url, page, smtp_sink):
    page.goto(f"{live_url}/mes-donnees/")
    page.get_by_label("Votre adresse e-mail").fill("camille.kerbrat@example.org")
    page.get_by_role("button", name="Recevoir le lien").click()
    page.get_by_role("heading", name="Vérifiez votre boîte mail").wait_for()
    mail = smtp_sink.wait_for("camille.kerbrat@example.org", subject="vos données")
    link = next(url for url in smtp_sink.links(mail) if "/mes-donnees/acces/" in url)
    page.goto(link)
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger (JSON)").click()
    assert download.value.suggested_filename.endswith(".json")
