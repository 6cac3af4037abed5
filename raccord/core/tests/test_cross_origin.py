"""Who may POST from another site: only the endpoints declared with `@cross_origin_endpoint`.

A sessionless POST from a foreign origin, or from an opaque one (`Origin: null`: sandboxed
frames, `data:` pages, pages sent with `Referrer-Policy: no-referrer`), is refused everywhere
else; the declared endpoints authenticate each request themselves (docs/security.md).
"""

import base64
import json

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from raccord.core import registry
from raccord.core.protection import is_cross_origin_endpoint, same_origin

pytestmark = pytest.mark.django_db

WEBMAIL = "https://mail.example.net"

# Every URL another site may POST to, and what authenticates it. Adding one is a decision:
# write it here and in docs/security.md.
CROSS_ORIGIN_ENDPOINTS = {
    "infolettre/desinscription/<str:token>/",  # RFC 8058 one-click: signed token in the URL
    "infolettre/webhooks/brevo/tracking/",  # ESP webhook: basic-auth secret (Anymail)
    "infolettre/webhooks/mailjet/tracking/",  # ESP webhook: basic-auth secret (Anymail)
}


def declared_endpoints(resolver=None, prefix=""):
    """Routes of every URL pattern whose view is declared a cross-origin endpoint."""
    resolver = resolver or get_resolver()
    found = set()
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            found |= declared_endpoints(pattern, route)
        elif isinstance(pattern, URLPattern) and is_cross_origin_endpoint(pattern.callback):
            found.add(route)
    return found


def test_the_cross_origin_endpoints_are_exactly_the_listed_ones():
    assert declared_endpoints() == CROSS_ORIGIN_ENDPOINTS


def test_no_view_under_a_page_claims_to_be_a_cross_origin_endpoint():
    # Wagtail serves these through its own view: the middleware would never see the mark.
    assert [r.name for r in registry.page_routes if is_cross_origin_endpoint(r.view)] == []


# --- the one-click unsubscribe and the webhooks, from a foreign origin ---


@pytest.fixture
def subscriber():
    from raccord.newsletter.models import Subscriber, Topic
    from raccord.people.services import find_or_create

    topic = Topic.objects.create(slug="infolettre-generale", name="Infolettre générale")
    subscriber = Subscriber.objects.create(
        contact=find_or_create(email="ana@example.org", name="Ana"),
        status=Subscriber.Status.CONFIRMED,
    )
    subscriber.topics.set([topic])
    return subscriber


def unsubscribe_url(subscriber):
    from raccord.newsletter.services import manage_token

    return reverse("newsletter:unsubscribe", args=[manage_token(subscriber)])


def test_a_webmail_one_click_unsubscribe_with_its_own_origin_unsubscribes(subscriber):
    from raccord.newsletter.models import Subscriber

    webmail = Client(enforce_csrf_checks=True)
    response = webmail.post(
        unsubscribe_url(subscriber), {"List-Unsubscribe": "One-Click"}, HTTP_ORIGIN=WEBMAIL
    )
    assert 200 <= response.status_code < 300
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_a_one_click_unsubscribe_from_a_sandboxed_origin_works_too(subscriber):
    from raccord.newsletter.models import Subscriber

    response = Client(enforce_csrf_checks=True).post(
        unsubscribe_url(subscriber), {"List-Unsubscribe": "One-Click"}, HTTP_ORIGIN="null"
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED


def test_a_forged_one_click_token_still_changes_nothing(subscriber):
    from raccord.newsletter.models import Subscriber

    url = unsubscribe_url(subscriber)[:-3] + "xx/"
    response = Client().post(url, {"List-Unsubscribe": "One-Click"}, HTTP_ORIGIN=WEBMAIL)
    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED


def test_an_esp_webhook_sent_with_an_origin_is_heard(subscriber, settings):
    from raccord.newsletter.models import Subscriber

    settings.ANYMAIL = {"WEBHOOK_SECRET": "hook:secret"}
    secret = base64.b64encode(b"hook:secret").decode()
    payload = {"event": "hard_bounce", "email": "ana@example.org", "message-id": "<x@y>"}
    response = Client(enforce_csrf_checks=True).post(
        reverse("newsletter:brevo_tracking"),
        json.dumps(payload),
        content_type="application/json",
        HTTP_ORIGIN="https://hooks.brevo.example",
        HTTP_AUTHORIZATION=f"Basic {secret}",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.BOUNCED


# --- everything else keeps the origin check ---


@pytest.fixture
def forms_to_forge():
    return [
        (reverse("newsletter:signup"), {"email": "victime@example.org"}),
        (reverse("people_my_data"), {"email": "victime@example.org"}),
        (reverse("plateau:login_confirm", args=["jeton"]), {}),
    ]


@pytest.mark.parametrize("origin", ["https://evil.example", "null", "NULL"])
def test_a_form_posted_from_a_foreign_or_opaque_origin_is_refused(site, forms_to_forge, origin):
    from raccord.people.models import Contact

    visitor = Client(enforce_csrf_checks=True)
    for url, data in forms_to_forge:
        response = visitor.post(url, data, HTTP_ORIGIN=origin)
        assert response.status_code == 403, url
        assert "Formulaire expiré" in response.content.decode()
    assert not Contact.objects.filter(email="victime@example.org").exists()


def test_a_visitor_with_a_session_posting_from_a_null_origin_is_refused_too(site):
    secret = "a" * 32  # a valid CSRF secret, in the cookie and in the form
    visitor = Client(enforce_csrf_checks=True)
    visitor.cookies["sessionid"] = "abc"
    visitor.cookies["csrftoken"] = secret
    data = {"email": "ana@example.org", "csrfmiddlewaretoken": secret}
    url = reverse("people_my_data")
    assert visitor.post(url, data, HTTP_ORIGIN="null").status_code == 403
    assert visitor.post(url, data, HTTP_ORIGIN="http://testserver").status_code != 403


def test_same_origin_refuses_null_and_foreign_hosts_and_keeps_the_site_and_trusted_ones(
    rf, settings
):
    settings.CSRF_TRUSTED_ORIGINS = ["https://onestraccord.org"]

    def post(**headers):
        return rf.post("/", HTTP_HOST="testserver", **headers)

    assert same_origin(post(HTTP_ORIGIN="http://testserver"))
    assert same_origin(post(HTTP_ORIGIN="https://onestraccord.org"))
    assert same_origin(post(HTTP_REFERER="http://testserver/infolettre/"))
    assert same_origin(post())  # servers and old browsers send neither
    assert not same_origin(post(HTTP_ORIGIN="null"))
    assert not same_origin(post(HTTP_ORIGIN="null", HTTP_REFERER="http://testserver/"))
    assert not same_origin(post(HTTP_ORIGIN="https://evil.example"))
    assert not same_origin(post(HTTP_REFERER="https://evil.example/page"))
