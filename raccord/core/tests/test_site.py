"""The public site as a visitor sees it: pages, footer, feed, sitemap, search, caching."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/le-collectif/",
    "/residence-mars-2024/",
    "/actualites/",
    "/actualites/soiree-soin-tournages-9-mars-2025/",
    "/nous-rencontrer/",
    "/mentions-legales/",
    "/confidentialite/",
    "/recherche/",
    "/recherche/?q=coop%C3%A9ration",
]


def test_home_shows_the_collective_its_three_verbs_and_footer_links(client, demo_site):
    html = client.get("/").content.decode()
    assert "On Est Raccord" in html
    for verb in ("Infuser", "Diffuser", "Creuser"):
        assert verb in html
    for href in ('href="/soirees/"', 'href="/films/"', 'href="/residences/"'):
        assert href in html
    assert 'href="mailto:contact@onestraccord.org"' in html
    assert "https://www.instagram.com/on_est_raccord/" in html
    assert "BlueSky" in html and "LinkedIn" in html
    assert 'href="/mentions-legales/"' in html and 'href="/confidentialite/"' in html
    assert "Une nouvelle résidence au printemps 2026" in html  # latest news
    assert 'href="/infolettre/"' in html


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_page_type_renders_in_french_with_landmarks(client, demo_site, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fr">' in html
    assert '<main id="contenu"' in html and "<footer" in html and "<nav" in html
    assert 'class="skip-link" href="#contenu"' in html
    assert 'type="application/atom+xml"' in html
    assert '<link rel="canonical" href="http://testserver' in html
    assert 'property="og:image"' in html
    assert "style=" not in html and "<script>" not in html


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_anonymous_pages_set_no_cookie_and_do_not_vary_on_it(client, demo_site, url):
    response = client.get(url)
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")


def test_page_title_and_description_come_from_the_promote_tab(client, demo_site):
    from raccord.core.models import StandardPage

    page = StandardPage.objects.get(slug="le-collectif")
    page.seo_title = "Qui sommes-nous"
    page.search_description = "Une description choisie par l’équipe."
    page.save_revision().publish()
    html = client.get("/le-collectif/").content.decode()
    assert "<title>Qui sommes-nous · On Est Raccord!</title>" in html
    assert 'content="Une description choisie par l’équipe."' in html


def test_first_residency_page_tells_the_facts(client, demo_site):
    html = client.get("/residence-mars-2024/").content.decode()
    for fact in ("Bascule Argoat", "Centre Bretagne", "Romane Rostoll", "Récolter la tempête"):
        assert fact in html
    for partner in ("Atelier 7", "Le Bruit Qui Court", "Black Ship", "Louis Lumière", "Pola"):
        assert partner in html
    assert "<strong>30</strong>" in html


def test_collective_page_names_the_founders(client, demo_site):
    html = client.get("/le-collectif/").content.decode()
    for name in ("Julie Dupeux-Harlé", "Colin Destombe", "Paul Meigné"):
        assert name in html


def test_main_menu_marks_the_current_section(client, demo_site):
    html = client.get("/actualites/soiree-soin-tournages-9-mars-2025/").content.decode()
    assert '<a href="/actualites/" aria-current="page">Actualités</a>' in html


def test_news_index_is_paginated(client, add_news):
    add_news(15)
    first = client.get("/actualites/").content.decode()
    assert 'rel="next"' in first
    second = client.get("/actualites/?page=2")
    assert second.status_code == 200
    assert 'aria-current="page">2<' in second.content.decode()
    assert client.get("/actualites/?page=abc").status_code == 200


def test_feed_is_valid_atom_with_the_latest_posts(client, demo_site):
    response = client.get("/actualites/flux.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    titles = [e.text for e in root.findall("a:entry/a:title", ns)]
    assert titles[0] == "Une nouvelle résidence au printemps 2026"
    links = [e.get("href") for e in root.findall("a:entry/a:link", ns)]
    assert "http://testserver/actualites/nouvelle-residence-printemps-2026/" in links


def test_sitemap_lists_the_pages_and_robots_points_to_it(client, demo_site):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    body = response.content.decode()
    for path in ("/le-collectif/", "/actualites/", "/nous-rencontrer/", "/confidentialite/"):
        assert f"http://testserver{path}</loc>" in body
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
    assert "Disallow: /recherche/" in robots


def test_the_500_page_needs_no_database(rf):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from raccord.core.views import server_error

    with CaptureQueriesContext(connection) as queries:
        response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Erreur du serveur" in response.content.decode()
    assert len(queries) == 0


def test_search_finds_a_page_with_or_without_accents(client, demo_site):
    for query in ("Bascule Argoat", "résidence", "residence", "coopération"):
        html = client.get("/recherche/", {"q": query}).content.decode()
        assert "résultat" in html and "Aucun résultat" not in html, query
    html = client.get("/recherche/", {"q": "Bascule"}).content.decode()
    assert 'href="/residence-mars-2024/"' in html


def test_search_understands_inclusive_writing(client, demo_site):
    html = client.get("/recherche/", {"q": "participant·es"}).content.decode()
    assert "Aucun résultat" not in html


def test_search_without_result_says_so(client, demo_site):
    html = client.get("/recherche/", {"q": "zzzxqwv"}).content.decode()
    assert "Aucun résultat pour « zzzxqwv »" in html


def test_unknown_page_answers_a_french_404(client, demo_site):
    response = client.get("/cette-page-n-existe-pas/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_load_demo_twice_changes_nothing(demo_site):
    from wagtail.models import Page

    from raccord.core import demo
    from raccord.core.demo_support import DemoContext

    before = Page.objects.count()
    ctx = DemoContext()
    demo.load(ctx)
    assert ctx.created == []
    assert Page.objects.count() == before
