"""The scheduled jobs, as cron runs them."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from raccord.events.models import Registration

pytestmark = pytest.mark.django_db


def test_send_event_reminders_is_idempotent(make_event, register, sent_mails):
    start = timezone.localtime().replace(hour=20, minute=0) + timedelta(days=1)
    event = make_event(start=start)
    register(event)
    out = StringIO()
    call_command("send_event_reminders", stdout=out)
    call_command("send_event_reminders", stdout=out)
    assert "1 rappel envoyé" in out.getvalue() and "0 rappel envoyé" in out.getvalue()


def test_anonymise_past_registrations_uses_the_setting(make_event, register, settings):
    settings.RACCORD_REGISTRATION_RETENTION_DAYS = 30
    event = make_event()
    register(event)
    type(event).objects.filter(pk=event.pk).update(
        start=timezone.now() - timedelta(days=40), end=timezone.now() - timedelta(days=40)
    )
    out = StringIO()
    call_command("anonymise_past_registrations", stdout=out)
    assert "1 inscription anonymisée" in out.getvalue()
    assert Registration.objects.get().email == ""
