"""Short browser journeys on the site itself: phone without JavaScript, wide screen, search."""

import pytest

from tests.browser_fixtures import new_page

pytestmark = pytest.mark.browser


def test_on_a_320px_phone_without_javascript_the_menu_opens_and_nothing_overflows(
    live_url, browser
):
    page = new_page(browser, width=320, height=640, java_script_enabled=False)
    try:
        page.goto(f"{live_url}/")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        menu = page.get_by_role("navigation", name="Navigation principale")
        assert not menu.get_by_role("link", name="Le collectif").is_visible()
        menu.get_by_text("Menu").click()
        menu.get_by_role("link", name="Le collectif").click()
        page.wait_for_url(f"{live_url}/le-collectif/")
        assert page.get_by_role("heading", level=1).inner_text() == "Le collectif"
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
    finally:
        page.context.close()


def test_on_a_wide_screen_the_menu_shows_at_once_and_the_skip_link_works(live_url, page):
    page.goto(f"{live_url}/")
    menu = page.get_by_role("navigation", name="Navigation principale")
    assert menu.get_by_role("link", name="Actualités").is_visible()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Aller au contenu")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


def test_a_visitor_searches_without_accents_and_opens_the_result(live_url, page):
    page.goto(f"{live_url}/recherche/")
    page.get_by_label("Mots recherchés").fill("cooperation")
    page.get_by_role("button", name="Rechercher").click()
    results = page.locator(".search-results a")
    assert results.count() >= 1
    results.first.click()
    assert page.get_by_role("heading", level=1).is_visible()
