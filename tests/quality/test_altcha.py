"""ALTCHA: off by default; when on, a form needs one fresh, valid proof of work."""

import pytest
from altcha import Challenge, Payload, solve_challenge

from raccord.core import altcha
from raccord.core.altcha import AltchaMixin

from .checks import axe_violations, foreign_requests, format_violations
from .urls import AltchaDemoForm


@pytest.fixture
def altcha_on(settings):
    settings.RACCORD_ALTCHA = True
    settings.RACCORD_ALTCHA_COST = 20  # a light proof keeps the tests fast


def solved_payload() -> str:
    challenge = Challenge.from_dict(altcha.new_challenge())
    return Payload(challenge, solve_challenge(challenge)).to_base64()


def test_forms_carry_no_altcha_field_by_default():
    assert "altcha" not in AltchaDemoForm().fields
    assert AltchaDemoForm({"name": "Ana"}).is_valid()
    assert issubclass(AltchaDemoForm, AltchaMixin)


def test_when_on_a_form_without_proof_is_refused_in_french(altcha_on):
    form = AltchaDemoForm({"name": "Ana"})
    assert not form.is_valid()
    assert form.errors["altcha"] == [altcha.MISSING]


def test_a_valid_proof_passes_once_and_a_tampered_one_never(altcha_on):
    payload = solved_payload()
    assert AltchaDemoForm({"name": "Ana", "altcha": payload}).is_valid()
    replayed = AltchaDemoForm({"name": "Ana", "altcha": payload})
    assert not replayed.is_valid()
    assert replayed.errors["altcha"] == [altcha.INVALID]
    assert not altcha.verify(payload[:-4] + "AAAA")
    assert not altcha.verify("pas du base64 !")


def test_an_expired_proof_is_refused(altcha_on, settings):
    settings.RACCORD_ALTCHA_LIFETIME = -1
    assert not altcha.verify(solved_payload())


@pytest.mark.browser
def test_the_self_hosted_widget_solves_under_the_strict_csp(live_url, page, settings, altcha_on):
    settings.ROOT_URLCONF = "tests.quality.urls"
    page.goto(f"{live_url}/_qualite/anti-robot/")
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
