"""The door on a phone: the desk and the check-in page fit a 375 px screen, in a real browser."""

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

UPCOMING_SLUG = "creer-des-films-en-cooperation-2027"
PHONE = {"width": 375, "height": 812}
SHOTS = Path(__file__).resolve().parents[3] / "var" / "screenshots"


def _overflow(page) -> int:
    """How many pixels the page is wider than the screen (0: no sideways scrolling)."""
    return page.evaluate(
        "() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)"
        " - document.documentElement.clientWidth"
    )


def test_the_desk_and_the_check_in_fit_a_phone_at_the_door(live_url, admin_page):
    from playwright.sync_api import expect

    from raccord.events.models import EventPage

    event = EventPage.objects.get(slug=UPCOMING_SLUG)
    page = admin_page
    page.set_viewport_size(PHONE)
    SHOTS.mkdir(parents=True, exist_ok=True)

    for path in ("/admin/soirees/", f"/admin/soirees/{event.pk}/"):
        page.goto(live_url + path)
        assert _overflow(page) <= 0, f"{path} scrolls sideways at 375 px"
        page.screenshot(path=str(SHOTS / f"desk-375{path.replace('/', '-')}.png"), full_page=True)

    page.goto(f"{live_url}/admin/soirees/{event.pk}/accueil/")
    assert _overflow(page) <= 0, "the check-in page scrolls sideways at 375 px"
    search = page.get_by_label("Chercher un nom ou une adresse")
    assert search.bounding_box()["width"] >= 200
    expect(page.get_by_text("arrivée", exact=False).first).to_be_visible()
    button = page.get_by_role("button", name="Présent·e").first
    box = button.bounding_box()
    assert box["height"] >= 44 and box["x"] + box["width"] <= PHONE["width"]
    page.screenshot(path=str(SHOTS / "checkin-375.png"), full_page=True)

    button.click()
    expect(page.get_by_text("arrivée notée")).to_be_visible()
    assert _overflow(page) <= 0
