"""Every public soirée page is valid HTML for the Nu checker, JSON-LD data block included."""

from datetime import timedelta

import pytest
from django.utils import timezone

from raccord.events import services

pytestmark = pytest.mark.django_db


def test_public_soiree_pages_have_no_nu_checker_errors(client, make_event, register):
    checks = pytest.importorskip("tests.quality.checks")
    event = make_event(ask_dietary=True, custom_question="Une question pour l’équipe ?")
    past = make_event(start=timezone.now() - timedelta(days=20), recap="Merci à toutes et tous.")
    registration = register(event)
    manage = services.manage_url(registration).replace("http://testserver", "")
    documents = {
        "index": client.get("/soirees/").content.decode(),
        "event": client.get(event.url).content.decode(),
        "past event": client.get(past.url).content.decode(),
        "form errors": client.post(event.register_url(), {"email": "x"}).content.decode(),
        "registered": client.get(f"/soirees/{event.pk}/inscription/recue/").content.decode(),
        "manage": client.get(manage).content.decode(),
        "cancelled": client.post(manage, follow=True).content.decode(),
        "bad link": client.get("/soirees/mon-inscription/abc/").content.decode(),
    }
    assert checks.vnu_errors(documents) == {}
