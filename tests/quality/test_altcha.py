"""ALTCHA: a signal on every public form; a proof earns the normal limit, none a stricter one."""

import pytest
from altcha import Challenge, Payload, solve_challenge

from raccord.core import altcha

from .checks import axe_violations, foreign_requests, format_violations

URL = "/_qualite/anti-robot/"


@pytest.fixture
def altcha_light(settings, db):
    settings.RACCORD_ALTCHA_COST = 20  # a light proof keeps the tests fast
    settings.RACCORD_ALTCHA_SPREAD = 30
    settings.ROOT_URLCONF = "tests.quality.urls"


def solved_payload() -> str:
    challenge = Challenge.from_dict(altcha.new_challenge())
    return Payload(challenge, solve_challenge(challenge)).to_base64()


def test_a_valid_proof_passes_once_and_a_tampered_one_never(altcha_light):
    payload = solved_payload()
    assert altcha.verify(payload)
    assert not altcha.verify(payload)  # replayed
    assert not altcha.verify(solved_payload()[:-4] + "AAAA")
    assert not altcha.verify("pas du base64 !")


def test_an_expired_proof_is_refused(altcha_light, settings):
    settings.RACCORD_ALTCHA_LIFETIME = -1
    assert not altcha.verify(solved_payload())


def test_without_javascript_the_form_still_works_under_a_stricter_limit(client, altcha_light):
    """rate 6/h with a proof; without one, a third of it: 2 sends, the third gets 429."""
    answers = [client.post(URL, {"name": f"Ana {n}"}).status_code for n in range(3)]
    assert answers == [303, 303, 429]


def test_with_a_proof_the_normal_limit_applies(client, altcha_light):
    answers = [
        client.post(URL, {"name": f"Ana {n}", "altcha": solved_payload()}).status_code
        for n in range(7)
    ]
    assert answers == [303] * 6 + [429]


@pytest.mark.browser
def test_the_self_hosted_widget_solves_under_the_strict_csp(live_url, page, altcha_light):
    page.goto(f"{live_url}{URL}")
    page.locator("altcha-widget input").first.wait_for()
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
    page.get_by_label("Votre nom").fill("Ana")
    page.get_by_role("button", name="Envoyer").click()
    page.get_by_text("Formulaire accepté.").wait_for()
    assert not foreign_requests(page.requests, live_url)
    assert not page.console_errors, page.console_errors
    violations = axe_violations(page)
    assert not violations, format_violations(violations)
