"""After confirming, a welcome mail in the team's words, unsubscribable in one click."""

import re

import pytest
from django.test import Client

from raccord.newsletter.models import NewsletterPage, Subscriber

from .test_signup import link_in, post_signup

pytestmark = pytest.mark.django_db

WEBMAIL = "https://mail.example.net"


@pytest.fixture
def newsletter_page(site):
    page = NewsletterPage(
        title="Infolettre",
        slug="infolettre",
        welcome_text="Bienvenue ! Prochain rendez-vous : la soirée de mars au DOC.",
    )
    site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_confirming_sends_a_welcome_mail_that_unsubscribes_in_one_click(
    client, topics, newsletter_page, sent_mails
):
    post_signup(client, "ana@example.org", topics[:1])
    (confirmation,) = sent_mails()
    assert "List-Unsubscribe" not in confirmation.extra_headers  # not subscribed yet
    client.post(link_in(confirmation, "confirmer"))

    welcome = sent_mails()[-1]
    assert welcome.subject == "Bienvenue dans l’infolettre d’On Est Raccord!"
    assert "Prochain rendez-vous : la soirée de mars au DOC." in welcome.body
    html = welcome.alternatives[0][0]
    assert "Prochain rendez-vous" in html
    header = welcome.extra_headers["List-Unsubscribe"]
    url = re.fullmatch(r"<http://testserver(/infolettre/desinscription/[^>]+/)>", header).group(1)
    assert welcome.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The webmail's server or the webmail page itself posts, with its own Origin.
    webmail = Client(enforce_csrf_checks=True)
    response = webmail.post(url, {"List-Unsubscribe": "One-Click"}, HTTP_ORIGIN=WEBMAIL)
    assert 200 <= response.status_code < 300
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


def test_confirming_twice_sends_one_welcome(client, topics, newsletter_page, sent_mails):
    post_signup(client, "ana@example.org", topics[:1])
    url = link_in(sent_mails()[0], "confirmer")
    client.post(url)
    client.post(url)
    subjects = [mail.subject for mail in sent_mails()]
    assert subjects.count("Bienvenue dans l’infolettre d’On Est Raccord!") == 1


def test_the_welcome_text_is_edited_in_the_admin():
    panels = [getattr(p, "field_name", None) for p in NewsletterPage.content_panels]
    assert "welcome_text" in panels
