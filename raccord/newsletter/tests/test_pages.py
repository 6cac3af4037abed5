"""Public pages: the footer form everywhere, /infolettre/, archives; cacheable and cheap."""

from datetime import UTC

import pytest

from raccord.newsletter import demo
from raccord.newsletter.models import Campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_site(site):
    """The infolettre's demo (topics, page, subscribers) and one issue in the archives."""
    from datetime import datetime

    from raccord.core.demo_support import DemoContext

    ctx = DemoContext(site=site, home=site.root_page.specific)
    demo.load(ctx)
    topics = demo.load_topics()
    demo.add_sent_issue(
        ctx,
        subject="Infolettre n°1 : des nouvelles de la résidence",
        slug="infolettre-1",
        preheader="Deux films et dix planches.",
        body=[
            ("heading", "Mars 2024 à Bascule Argoat"),
            ("paragraph", "<p>Deux courts métrages, dont <i>Récolter la tempête</i>.</p>"),
        ],
        topics=[topics["infolettre-generale"]],
        sent_at=datetime(2025, 2, 10, 9, 0, tzinfo=UTC),
    )
    return ctx


def test_the_infolettre_page_shows_the_form_topics_and_latest_issue(client, demo_site):
    response = client.get("/infolettre/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Infolettre</h1>" in html
    for topic in ("Infolettre générale", "Soirées à Paris", "Résidences"):
        assert topic in html
    assert "Infolettre n°1" in html
    assert 'action="/infolettre/inscription/"' in html
    assert html.count("Je m’inscris") == 1  # the footer does not repeat the form here


def test_every_page_footer_has_the_signup_form_without_cookies(client, demo_site):
    response = client.get("/")
    html = response.content.decode()
    assert 'id="id_footer_email"' in html and "Soirées à Paris" in html
    assert "Set-Cookie" not in response.headers and "Cookie" not in response.get("Vary", "")
    assert "csrfmiddlewaretoken" not in html


def test_the_footer_costs_no_query_once_topics_are_cached(
    client, demo_site, django_assert_num_queries
):
    from django.template import Context, Template
    from django.test import RequestFactory

    template = Template('{% include "newsletter/footer_signup.html" %}')
    request = RequestFactory().get("/films/")
    template.render(Context({"request": request}))  # warms the cache
    with django_assert_num_queries(0):
        html = template.render(Context({"request": request}))
    assert 'value="/films/"' in html


def test_archives_list_sent_issues_and_show_the_web_version(
    client, demo_site, django_assert_max_num_queries
):
    Campaign.objects.create(subject="Brouillon secret", body=[])
    with django_assert_max_num_queries(8):
        response = client.get("/infolettre/archives/")
    html = response.content.decode()
    assert "Infolettre n°1" in html and "Brouillon secret" not in html
    assert "Set-Cookie" not in response.headers
    issue = client.get("/infolettre/archives/infolettre-1/")
    body = issue.content.decode()
    assert issue.status_code == 200
    assert "Bascule Argoat" in body and "Récolter la tempête" in body
    assert (
        client.get(
            f"/infolettre/archives/{Campaign.objects.get(subject='Brouillon secret').slug}/"
        ).status_code
        == 404
    )


def test_archives_queries_do_not_grow_with_issues(client, demo_site, django_assert_max_num_queries):
    from django.utils import timezone

    for n in range(30):
        Campaign.objects.create(
            subject=f"Numéro {n}", body=[], status="sent", sent_at=timezone.now()
        )
    with django_assert_max_num_queries(8):
        response = client.get("/infolettre/archives/")
    assert response.content.decode().count("Numéro ") == 30


def test_signup_pages_stay_cookie_free(client, demo_site):
    for url in ("/infolettre/", "/infolettre/inscription/merci/"):
        response = client.get(url)
        assert "Set-Cookie" not in response.headers, url
        assert "Cookie" not in response.get("Vary", ""), url


def test_loading_the_demo_twice_changes_nothing(demo_site):
    from raccord.newsletter.models import Delivery, Subscriber, Topic

    before = (
        Topic.objects.count(),
        Subscriber.objects.count(),
        Campaign.objects.count(),
        Delivery.objects.count(),
    )
    demo.load(demo_site)
    after = (
        Topic.objects.count(),
        Subscriber.objects.count(),
        Campaign.objects.count(),
        Delivery.objects.count(),
    )
    assert before == after == (3, 3, 1, 2)  # two subscribers of the issue's topic
    assert Campaign.objects.get().status == "sent"


def test_every_infolettre_page_is_valid_html(client, demo_site, make_subscriber_for_pages):
    from raccord.core import signed_links
    from raccord.newsletter import services
    from tests.quality.checks import vnu_errors

    subscriber = make_subscriber_for_pages
    manage = services.manage_token(subscriber)
    confirm = signed_links.make("newsletter.confirm", subscriber.pk)
    pages = {
        "infolettre": client.get("/infolettre/"),
        "archives": client.get("/infolettre/archives/"),
        "numéro": client.get("/infolettre/archives/infolettre-1/"),
        "merci": client.get("/infolettre/inscription/merci/"),
        "erreur": client.post("/infolettre/inscription/", {"email": "x"}),
        "confirmer": client.get(f"/infolettre/confirmer/{confirm}/"),
        "confirmé": client.post(f"/infolettre/confirmer/{confirm}/", follow=True),
        "préférences": client.get(f"/infolettre/preferences/{manage}/"),
        "désinscription": client.get(f"/infolettre/desinscription/{manage}/"),
        "désinscrit": client.post(f"/infolettre/desinscription/{manage}/"),
        "lien abîmé": client.get("/infolettre/desinscription/abime/"),
    }
    documents = {name: response.content.decode() for name, response in pages.items()}
    assert vnu_errors(documents) == {}


@pytest.fixture
def make_subscriber_for_pages(demo_site):
    from raccord.newsletter.models import Subscriber

    subscriber = Subscriber.objects.get(contact__email="camille.demo@example.org")
    Subscriber.objects.filter(pk=subscriber.pk).update(status="pending")
    return subscriber


def test_the_infolettre_page_queries_do_not_grow_with_issues(
    client, demo_site, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    client.get("/infolettre/")  # warm caches (topics, site root)
    with CaptureQueriesContext(connection) as few:
        client.get("/infolettre/")
    for n in range(20):
        Campaign.objects.create(
            subject=f"Numéro {n}", body=[], status="sent", sent_at=timezone.now()
        )
    with django_assert_max_num_queries(len(few)):
        response = client.get("/infolettre/")
    assert response.content.decode().count("Numéro ") == 3
    assert len(few) <= 12
