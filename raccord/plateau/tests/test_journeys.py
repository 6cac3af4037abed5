"""Browser journey: a member joins by link, gives the météo, answers; facilitation closes."""

import pytest

from tests.browser_fixtures import new_page, run_pending_on_commit

pytestmark = pytest.mark.browser


def test_a_member_joins_checks_in_answers_and_facilitation_sees_the_outcome(
    live_url, page, browser, smtp_sink
):
    from raccord.plateau import demo, services
    from raccord.plateau.models import CrewMember, Production

    production = Production.objects.get(slug=demo.DEMO_SLUG)
    services.invite(production, email="lea@example.org", name="Léa", position="Régie")
    run_pending_on_commit()  # what the volunteer's request would do when it commits
    mail = smtp_sink.wait_for("lea@example.org", subject="Invitation")
    (link,) = [url for url in smtp_sink.links(mail) if "/plateau/invitation/" in url]

    page.goto(link)
    page.get_by_role("button", name="Rejoindre l’équipe").click()
    page.wait_for_url(f"{live_url}/plateau/espace/")
    assert page.get_by_role("heading", name="Besoin d’en parler ?").is_visible()

    page.get_by_role("link", name="Donner ma météo").click()
    page.get_by_label("Mon énergie aujourd’hui (de 1 à 10)").select_option("7")
    page.get_by_label("Un mot ou une phrase").fill("heureuse d’être là")
    page.get_by_role("button", name="Donner ma météo").click()
    assert page.get_by_text("« heureuse d’être là »").is_visible()

    page.get_by_role("link", name="Décisions", exact=True).click()
    page.get_by_role("link", name="Journée continue le samedi").click()
    page.get_by_label("Je consens", exact=True).check()
    page.get_by_role("button", name="Envoyer ma réponse").click()
    assert page.get_by_text("Votre réponse : Je consens").is_visible()
    proposal_url = page.url

    facilitator = CrewMember.objects.get(production=production, role="facilitation")
    token = services.login_token(facilitator)
    other = new_page(browser)
    try:
        other.goto(f"{live_url}/plateau/connexion/{token}/")
        other.get_by_role("button", name="Me connecter").click()
        other.wait_for_url(f"{live_url}/plateau/espace/")
        other.goto(proposal_url)
        other.get_by_role("button", name="Clôturer et voir l’issue").click()
        # 3 answers of 9: below the quorum, facilitation confirms and the journal says so.
        other.get_by_label("Clôturer quand même, sans quorum (le journal le dira)").check()
        other.get_by_role("button", name="Clôturer et voir l’issue").click()
        assert other.get_by_role("heading", name="Issue : Non adoptée").is_visible()
        assert other.get_by_text("La séquence 14 demande la lumière").first.is_visible()
        # The only console line: Chromium logging the quorum page's deliberate 400.
        assert [e for e in other.console_errors if "status of 400" not in e] == []
        assert all(url.startswith(live_url) for url in other.requests)
    finally:
        other.context.close()
    assert page.console_errors == []
    assert all(url.startswith(live_url) for url in page.requests)
