"""What the public side promises, kept: access details in the mails, the waitlist button, one
infolettre frequency, the demo venue's street address in the soirée's JSON-LD."""

import json
import re

import pytest

from raccord.newsletter.services import FREQUENCY

pytestmark = pytest.mark.django_db


def test_the_confirmation_and_promotion_mails_carry_address_access_and_accessibility(
    make_event, venue, register, sent_mails
):
    venue.access = "Métro Place des Fêtes, ligne 11."
    venue.save()
    event = make_event(capacity=1)
    first = register(event, email="julie@exemple.org")
    register(event, email="paul@exemple.org")
    (confirmation, waitlist) = sent_mails()
    for text in ("26 rue du Docteur Potain, 75019 Paris", "Métro Place des Fêtes", "fauteuil"):
        assert text in confirmation.body
        assert text in confirmation.alternatives[0][0]
    assert not [name for name, *_ in waitlist.attachments if name.endswith(".ics")]
    assert ".ics" not in waitlist.body

    from raccord.events import services

    services.cancel(first)
    (promotion,) = [m for m in sent_mails() if m.to == ["paul@exemple.org"] and m is not waitlist]
    assert "Métro Place des Fêtes" in promotion.body


def test_a_full_soiree_offers_to_join_the_waitlist(client, make_event, register):
    event = make_event(capacity=1)
    assert "M’inscrire" in client.get(event.url).content.decode()
    register(event)
    html = client.get(event.url).content.decode()
    assert "S’inscrire en liste d’attente</button>" in html
    assert ">M’inscrire</button>" not in html


def test_the_registration_form_and_the_footer_promise_the_same_frequency(client, event):
    html = client.get(event.url).content.decode()
    assert html.count(FREQUENCY) >= 2  # the registration box and the footer's sign-up
    assert "par mois" not in html


def test_the_demo_soiree_gives_its_street_address_to_search_engines(client, site):
    from raccord.core.demo_support import DemoContext
    from raccord.events import demo
    from raccord.events.models import EventPage

    demo.load(DemoContext(site=site, home=site.root_page.specific))
    event = EventPage.objects.get(slug="creer-des-films-en-cooperation-2027")
    html = client.get(event.url).content.decode()
    raw = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    address = json.loads(raw)["location"]["address"]
    assert address["streetAddress"] == "26 rue du Docteur Potain"
    assert address["postalCode"] == "75019" and address["addressLocality"] == "Paris"
