"""Every form of the site, posted from Chromium, carries the site's own Origin and succeeds.

The site refuses a sessionless POST whose Origin is foreign or `null` (core.protection.
same_origin). Chromium sends `Origin: null` for a form posted from a page served with
`Referrer-Policy: no-referrer`, so a page with a form must keep a policy that sends the origin
to the site itself (`same-origin` for the personal-link pages of /mes-donnees/). These tests
post the forms in a real Chromium and look at the Origin it really sent.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from .checks import SKIPPED_PREFIXES, crawl, discovered_forms, post_forms

pytestmark = pytest.mark.browser

# Submit a form as the browser would, skipping validation and script handlers: only the
# headers Chromium adds matter here, and the request never reaches the site.
SUBMIT = """(action) => {
    const form = [...document.forms].find(
        (f) => f.method === "post" && new URL(f.action).pathname === action);
    if (!form) return false;
    HTMLFormElement.prototype.submit.call(form);
    return true;
}"""


def record_posts(page, live_url):
    """Every POST the page sends: its path, the Origin Chromium set, and the site's answer."""
    posts = []

    def on_response(response):
        request = response.request
        if request.method == "POST" and request.url.startswith(live_url):
            posts.append(
                {
                    "path": urlsplit(request.url).path,
                    "origin": request.header_value("origin"),
                    "status": response.status,
                    "location": response.headers.get("location", ""),
                }
            )

    page.on("response", on_response)
    return posts


def every_post_form(live_url) -> dict[str, str]:
    """Action -> page of every POST form reachable by links from every page of the sitemap,
    sub-pages routed under a Wagtail page (partner inquiry, residency application…) included."""
    from django.test import Client

    forms = {
        urlsplit(action).path: form["page"]
        for action, form in discovered_forms(live_url, per_type=0).items()
    }
    pages = crawl(live_url, per_type=0)
    links = {
        urlsplit(link).path
        for html in pages.values()
        for link in re.findall(r'href="(/[^"#]*)"', html)
    }
    client = Client()
    shapes = set()
    for path in sorted(links - set(pages)):
        shape = re.sub(r"\d+", "N", path)  # one of /exposition/planche-1/ … planche-10/
        if shape in shapes or path.startswith((*SKIPPED_PREFIXES, "/media/", "/static/")):
            continue
        shapes.add(shape)
        response = client.get(path)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        for form in post_forms(response.content.decode(), path):
            forms.setdefault(urlsplit(form["action"]).path or path, path)
    return forms


def test_no_form_of_the_site_makes_chromium_send_a_null_origin(live_url, page):
    forms = every_post_form(live_url)
    assert len(forms) >= 6, f"the crawl found too few forms: {sorted(forms)}"

    def intercept(route):
        if route.request.method == "POST":
            route.fulfill(status=204, body="")  # nothing reaches the site, the page stays
        else:
            route.continue_()

    page.route(re.compile(".*"), intercept)
    sent = {}
    for path, form_page in sorted(forms.items()):
        page.goto(live_url + form_page)
        with page.expect_request(lambda r: r.method == "POST") as posted:
            assert page.evaluate(SUBMIT, path), f"{path} not found on {form_page}"
        sent[path] = posted.value.header_value("origin")
    wrong = {path: origin for path, origin in sent.items() if origin != live_url}
    assert wrong == {}, f"forms posted without the site's origin: {wrong}"


def test_the_public_forms_and_the_personal_link_pages_succeed_from_chromium(
    live_url, page, smtp_sink
):
    from playwright.sync_api import expect

    posts = record_posts(page, live_url)

    # Contact: 303 to the thanks.
    page.goto(f"{live_url}/nous-rencontrer/")
    form = page.locator("main form[method=post]")
    form.get_by_label("Votre nom").fill("Ana Origine")
    form.get_by_label("Votre adresse e-mail").fill("ana.origine@example.org")
    form.get_by_label("Objet").fill("Une projection à Brest")
    form.get_by_label("Votre message").fill("Bonjour, nous aimerions accueillir vos films.")
    form.locator("input[name=consent]").check()
    form.get_by_role("button", name="Envoyer").click()
    expect(page.get_by_text("votre message est bien arrivé").first).to_be_visible()

    # Infolettre sign-up, on its page.
    page.goto(f"{live_url}/infolettre/")
    form = page.locator("main form.newsletter-form")
    form.get_by_label("Adresse e-mail").fill("lou.origine@example.org")
    form.get_by_role("button", name="Je m’inscris").click()
    page.get_by_role("heading", name="Vérifiez votre boîte mail").wait_for()

    # A soirée registration.
    page.goto(live_url + upcoming_soiree_with_registration())
    form = page.locator("form.registration-form")
    form.get_by_label("Nom ou pseudonyme").fill("Sam Origine")
    form.get_by_label("Adresse e-mail").fill("sam.origine@example.org")
    form.get_by_role("button", name="M’inscrire").click()
    expect(page.get_by_text("Demande reçue").first).to_be_visible()

    # /mes-donnees/: ask for the link (the contact form made the address known).
    page.goto(f"{live_url}/mes-donnees/")
    page.get_by_label("Votre adresse e-mail").fill("ana.origine@example.org")
    page.get_by_role("button", name="Recevoir le lien").click()
    page.get_by_role("heading", name="Vérifiez votre boîte mail").wait_for()

    public = list(posts)
    assert len(public) == 4, public
    for post in public:  # a redirect to a thanks page (303 from core.public_forms)
        assert post["status"] in (302, 303), post
        assert post["location"] and post["location"] != post["path"], post

    # The personal link: download, then erase, both by POST from the link's own pages.
    mail = smtp_sink.wait_for("ana.origine@example.org", subject="vos données")
    link = next(url for url in smtp_sink.links(mail) if "/mes-donnees/acces/" in url)
    page.goto(link)
    with page.expect_download() as download:
        page.get_by_role("button", name="Télécharger (JSON)").click()
    assert download.value.suggested_filename.endswith(".json")
    page.get_by_role("link", name="Demander l’effacement").click()
    page.get_by_role("button", name="Oui, effacer mes données").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("effacées")

    assert [p["status"] for p in posts[len(public) :]] == [200, 200], posts
    assert {p["origin"] for p in posts} == {live_url}, posts


def upcoming_soiree_with_registration() -> str:
    from raccord.events.models import EventPage

    for event in EventPage.objects.upcoming():
        if event.registration_is_open():
            return urlsplit(event.get_url()).path
    pytest.fail("the demo has no upcoming soirée open for registration")
