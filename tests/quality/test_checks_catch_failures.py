"""The checks check themselves: a deliberately broken page must fail every one of them."""

import pytest

from .checks import axe_violations, fetch, foreign_requests, post_forms, vnu_errors

pytestmark = pytest.mark.browser

BROKEN = "/_qualite/page-cassee/"


@pytest.fixture
def broken_site(live_url, settings):
    settings.ROOT_URLCONF = "tests.quality.urls"
    return live_url


def test_axe_reports_a_missing_alt_an_empty_link_and_an_unlabelled_field(broken_site, page):
    page.goto(broken_site + BROKEN)
    rules = {violation["id"] for violation in axe_violations(page)}
    assert {"image-alt", "link-name", "label", "html-has-lang"} <= rules


def test_the_privacy_check_sees_trackers_and_cookies(broken_site, page):
    page.goto(broken_site + BROKEN)
    page.wait_for_load_state("networkidle")
    foreign = foreign_requests(page.requests, broken_site)
    assert "https://cdn.tracker.example/analytics.js" in foreign
    assert "https://pixel.tracker.example/p.gif" in foreign
    assert [cookie["name"] for cookie in page.context.cookies()] == ["traceur"]


def test_vnu_reports_the_broken_page_and_only_it(broken_site):
    _, _, broken = fetch(broken_site + BROKEN)
    _, _, home = fetch(broken_site + "/")
    errors = vnu_errors({"cassée": broken, "accueil": home})
    assert list(errors) == ["cassée"]
    assert any("span" in message for message in errors["cassée"])


def test_console_errors_catch_what_the_strict_csp_blocks(live_url, page):
    page.goto(live_url + "/")
    page.evaluate(
        """() => { const s = document.createElement("script");
                   s.src = "https://cdn.tracker.example/x.js"; document.head.append(s); }"""
    )
    page.wait_for_timeout(200)
    assert any("Content Security Policy" in error for error in page.console_errors)


def test_form_discovery_finds_the_contact_form_fields(live_url):
    _, _, html = fetch(live_url + "/nous-rencontrer/")
    # The footer's infolettre form has an "email" field too: the contact form is the one
    # posting to the page itself.
    (form,) = [
        f
        for f in post_forms(html, live_url + "/nous-rencontrer/")
        if f["action"] == live_url + "/nous-rencontrer/"
    ]
    assert {"name", "email", "subject", "message", "consent", "site_web"} <= set(form["fields"])


def test_hostile_input_finds_a_crash_and_rows_kept_from_refused_input(broken_site):
    from django.test import Client

    from .test_hostile_input import hostile_posts

    with pytest.raises(ValueError):  # the crash itself, shrunk by hypothesis
        hostile_posts(Client(), "/_qualite/formulaire-fragile/", {"age": {"type": "text"}})()
    with pytest.raises(AssertionError, match="stored rows"):
        hostile_posts(Client(), "/_qualite/formulaire-bavard/", {"nom": {"type": "text"}})()
