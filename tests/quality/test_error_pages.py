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
    # The ALTCHA widget holds the submit until its proof is ready: wait for the new document.
    with page.expect_navigation() as answer:
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


def test_the_error_pages_are_french_accessible_and_valid(live_url, admin_page, settings):
    from raccord.core.protection import hit

    page = admin_page
    settings.ROOT_URLCONF = "tests.quality.urls"
    documents = {}

    response = page.goto(f"{live_url}/cette-page-n-existe-pas/")
    documents["404"] = check_error_page(page, response, 404, "Page introuvable")

    response = page.goto(f"{live_url}/_qualite/erreur-500/")
    documents["500"] = check_error_page(page, response, 500, "Erreur du serveur")

    # A logged-in volunteer whose CSRF cookie expired while the form was open. (A made-up
    # session cookie would not do: the first answer without a session deletes it.)
    def lose_csrf_cookie():
        page.context.clear_cookies(name="csrftoken")

    response = submit_empty_contact_form(page, live_url, before_submit=lose_csrf_cookie)
    documents["403 CSRF"] = check_error_page(page, response, 403, "Formulaire expiré")
    page.context.clear_cookies()

    from raccord.core.public_forms import parse_rate
    from raccord.people.views import ContactFormView as form_view

    scope = f"{form_view.__module__}.{form_view.__qualname__}"
    for suffix, rate in (("", form_view.rate), (":strict", form_view.strict_rate)):
        count, period = parse_rate(rate)
        while hit(scope + suffix, "127.0.0.1", limit=count, period=period):
            pass  # use up this address's allowance, with or without the ALTCHA proof
    response = submit_empty_contact_form(page, live_url)
    documents["429"] = check_error_page(page, response, 429, "Trop de demandes")

    assert not vnu_errors(documents)
