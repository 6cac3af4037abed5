"""Fixtures of the infolettre tests: a real SMTP server (aiosmtpd), topics, subscribers."""

from __future__ import annotations

import email
import email.policy
import socket
import threading
from collections import Counter

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Sink:
    """Stores every accepted message; answers chosen codes for chosen recipients."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refuse: dict[str, str] = {}  # address -> SMTP answer, e.g. "550 no such user"
        self.lock = threading.Lock()
        self.connections = 0

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        self.connections += 1
        session.host_name = hostname
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        answer = self.refuse.get(address.lower())
        if answer:
            return answer
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        with self.lock:
            self.messages.append(message)
            self.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"

    def to(self, address: str) -> list:
        return [m for m in self.messages if m["To"] == address]

    def counts(self) -> Counter:
        return Counter(str(m["To"]) for m in self.messages)

    @staticmethod
    def text(message) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()

    @staticmethod
    def html(message) -> str:
        return message.get_body(preferencelist=("html",)).get_content()


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; the site's SMTP settings point to it during the test."""
    handler = Sink()
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, data_size_limit=0)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.RACCORD_NEWSLETTER_RATE = 0
    handler.port = port
    try:
        yield handler
    finally:
        controller.stop()


assert SMTP  # aiosmtpd is a test dependency; fail loudly if missing


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
