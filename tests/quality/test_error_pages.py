"""404, 500, 429 and CSRF failure: the site's own pages, in French, accessible and valid."""

import pytest

from .checks import CONTACT_PATH, axe_violations, format_violations, vnu_errors

pytestmark = pytest.mark.browser


def submit_empty_contact_form(page, live_url, *, before_submit=None):
    page.goto(live_url + CONTACT_PATH)
    if before_submit:
        before_submit()
    form = page.locator("main form[method=post]")
    form.evaluate("form => { form.noValidate = true; }")
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        form.locator("[type=submit]").click()
    page.wait_for_load_state()
    return answer.value


def check_error_page(page, response, status: int, heading: str) -> str:
    assert response.status == status
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_role("heading", level=1).inner_text() == heading
    assert page.get_by_role("link", name="Retour à l’accueil").count() == 1
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    return response.text()


def test_the_error_pages_are_french_accessible_and_valid(live_url, page, settings):
    from raccord.core.protection import hit

    settings.ROOT_URLCONF = "tests.quality.urls"
    documents = {}

    response = page.goto(f"{live_url}/cette-page-n-existe-pas/")
    documents["404"] = check_error_page(page, response, 404, "Page introuvable")

    response = page.goto(f"{live_url}/_qualite/erreur-500/")
    documents["500"] = check_error_page(page, response, 500, "Erreur du serveur")

    # A visitor with a session (a volunteer) whose CSRF cookie expired while the form was open.
    def lose_csrf_cookie():
        page.context.clear_cookies(name="csrftoken")
        page.context.add_cookies([{"name": "sessionid", "value": "perimee", "url": live_url}])

    response = submit_empty_contact_form(page, live_url, before_submit=lose_csrf_cookie)
    documents["403 CSRF"] = check_error_page(page, response, 403, "Formulaire expiré")
    page.context.clear_cookies()

    while hit("contact", "127.0.0.1", limit=5, period=3600):
        pass  # use up this address's allowance
    response = submit_empty_contact_form(page, live_url)
    documents["429"] = check_error_page(page, response, 429, "Trop de demandes")

    assert not vnu_errors(documents)
