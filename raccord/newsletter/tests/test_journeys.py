"""Browser journey: sign up in the footer, confirm from the mail, see the confirmation."""

import pytest

pytestmark = pytest.mark.browser


def test_a_visitor_signs_up_from_the_footer_and_confirms_from_the_mail(live_url, page, smtp_sink):
    page.goto(f"{live_url}/infolettre/archives/")
    footer = page.locator("footer")
    footer.get_by_label("Adresse e-mail").fill("ana.journey@example.org")
    footer.get_by_label("Prénom (facultatif)").fill("Ana")
    footer.get_by_label("Soirées à Paris").check()
    footer.get_by_role("button", name="Je m’inscris").click()
    page.get_by_role("heading", name="Vérifiez votre boîte mail").wait_for()

    mail = smtp_sink.wait_for("ana.journey@example.org", subject="Confirmez")
    link = next(url for url in smtp_sink.links(mail) if "/infolettre/confirmer/" in url)
    page.goto(link)
    page.get_by_role("button", name="Je confirme mon inscription").click()
    page.get_by_role("heading", name="Inscription confirmée").wait_for()
    assert "vous recevrez la prochaine infolettre" in page.content()
    assert all(url.startswith(live_url) for url in page.requests)
