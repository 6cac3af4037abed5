"""Phone first: every Plateau page at 375 × 667, heading near the top, nothing off the right edge."""

import pytest

from tests.browser_fixtures import new_page

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
PATHS = [
    "/plateau/espace/",
    "/plateau/meteo/",
    "/plateau/meteo/tendances/",
    "/plateau/decisions/",
    "/plateau/journal/",
    "/plateau/prendre-soin/",
    "/plateau/prendre-soin/messages/",
    "/plateau/feuilles-de-service/",
    "/plateau/carbone/",
    "/plateau/remunerations/",
    "/plateau/parite/",
    "/plateau/equipe/",
]


def test_every_plateau_page_fits_a_phone(live_url, browser, tmp_path):
    from raccord.plateau import demo, services
    from raccord.plateau.models import CrewMember, Production

    production = Production.objects.get(slug=demo.DEMO_SLUG)
    # Facilitation and VHSS referent at once: the one person who sees every page.
    person = CrewMember.objects.get(production=production, role="facilitation")
    person.is_vhss_referent = True
    person.save()
    page = new_page(browser, **PHONE)
    try:
        page.goto(f"{live_url}/plateau/connexion/{services.login_token(person)}/")
        page.get_by_role("button", name="Me connecter").click()
        page.wait_for_url(f"{live_url}/plateau/espace/")
        paths = PATHS + [
            f"/plateau/decisions/{production.proposals.first().pk}/",
            f"/plateau/feuilles-de-service/{production.call_sheets.first().day:%Y-%m-%d}/",
        ]
        problems = []
        for path in paths:
            response = page.goto(live_url + path)
            assert response.status == 200, path
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                problems.append(f"{path} is {width} px wide")
            top = page.locator("main h1").first.bounding_box()["y"]
            if top > 320:
                problems.append(f"{path}: heading at {top:.0f} px")
            page.screenshot(path=str(tmp_path / (path.strip("/").replace("/", "_") + ".png")))
        assert problems == []
        # The sections fold away but stay one tap away.
        page.get_by_text("Sections", exact=True).click()
        page.get_by_role("link", name="Carbone").first.click()
        page.wait_for_url(f"{live_url}/plateau/carbone/")
        assert page.console_errors == []
    finally:
        page.context.close()
    person.is_vhss_referent = False
    person.save()
