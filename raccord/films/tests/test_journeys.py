"""Browser journeys: the click-to-load video and a venue's request, end to end."""

from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.utils import timezone


def hosts(urls):
    return {urlsplit(url).hostname for url in urls if url.startswith("http")}


@pytest.mark.browser
def test_film_page_loads_nothing_from_the_video_host_until_the_click(live_url, page):
    page.goto(f"{live_url}/films/recolter-la-tempete/")
    page.wait_for_load_state("networkidle")
    assert hosts(page.requests) == {"127.0.0.1"}
    assert page.locator("iframe").count() == 0

    page.get_by_role("button", name="Voir la vidéo").click()
    iframe = page.locator("iframe.video-embed__iframe")
    iframe.wait_for(state="attached")
    assert iframe.get_attribute("src").startswith("https://peertube.example.org/videos/embed/")
    page.wait_for_timeout(300)
    assert "peertube.example.org" in hosts(page.requests)
    assert not [e for e in page.console_errors if "Content Security Policy" in e]


@pytest.mark.browser
def test_a_venue_asks_for_a_screening_and_finds_the_acknowledgement(live_url, page, smtp_sink):
    page.goto(f"{live_url}/films/sur-ecoute/")
    page.get_by_role("link", name="Demander une projection accompagnée").click()
    assert page.get_by_label("Sur écoute").is_checked()
    page.get_by_role("textbox", name="Structure (obligatoire)").fill("Ciné-club du Parc")
    page.get_by_label("Type de lieu").select_option("cinema")
    page.get_by_role("textbox", name="Ville (obligatoire)").fill("Nantes")
    when = timezone.localdate() + timedelta(days=40)
    page.get_by_label("Date souhaitée").fill(when.isoformat())
    page.get_by_label("Prix libre (participation libre du public)").check()
    page.get_by_label("Votre nom").fill("Lou Bernard")
    page.get_by_label("Votre adresse e-mail").fill("lou@example.org")
    page.get_by_role("button", name="Envoyer la demande").click()
    page.get_by_role("heading", name="Merci, votre demande est bien arrivée").wait_for()

    mail = smtp_sink.wait_for("lou@example.org", subject="bien arrivée")
    text = smtp_sink.text(mail)
    assert "Ciné-club du Parc" in text and "Sur écoute" in text and "Nantes" in text
