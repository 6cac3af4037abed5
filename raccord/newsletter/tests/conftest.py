"""Fixtures of the infolettre tests: topics, subscribers, a campaign.

Mails go to the suite's one SMTP sink, `smtp_sink` (tests/browser_fixtures.py).
"""

import pytest


@pytest.fixture(autouse=True)
def _send_without_pause(settings):
    """The sender paces itself (20 messages/s by default); tests need no pause."""
    settings.RACCORD_NEWSLETTER_RATE = 0


@pytest.fixture
def topics(db):
    from raccord.newsletter.models import Topic

    return [
        Topic.objects.create(slug="infolettre-generale", name="Infolettre générale", position=0),
        Topic.objects.create(slug="soirees-paris", name="Soirées à Paris", position=1),
        Topic.objects.create(slug="residences", name="Résidences", position=2),
    ]


@pytest.fixture
def make_subscriber(topics):
    from raccord.newsletter.models import Subscriber
    from raccord.people.services import find_or_create

    def make(email, status="confirmed", topic_list=None, name=""):
        contact = find_or_create(email=email, name=name)
        subscriber = Subscriber.objects.create(contact=contact, status=status)
        subscriber.topics.set(topic_list or topics[:1])
        return subscriber

    return make


@pytest.fixture
def campaign(topics):
    from raccord.newsletter.models import Campaign

    c = Campaign.objects.create(
        subject="Infolettre n°2 : la résidence « créer des films en coopération »",
        preheader="Appel à participation ouvert",
        body=[
            ("heading", "Une résidence au printemps"),
            (
                "paragraph",
                '<p>Nous préparons une résidence en Bretagne. <a href="/residences/">En savoir plus</a></p>',
            ),
            (
                "button",
                {
                    "label": "Lire l’appel",
                    "page": None,
                    "url": "https://onestraccord.org/residences/",
                },
            ),
        ],
    )
    c.topics.set(topics[:1])
    return c


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(session, config, items):
    """The crash test commits, and its flush empties the database (Wagtail's root page too):
    run it after every other test of the session, browser journeys included."""
    last = [item for item in items if "newsletter/tests/test_crash.py" in item.nodeid]
    if last:
        items[:] = [item for item in items if item not in last] + last
