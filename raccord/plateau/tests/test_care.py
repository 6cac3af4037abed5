"""Care and safety: referents and listening services everywhere, referent-only messages,
training status and reminders."""

import zlib  # noqa: F401 - kept close to the PDF tests' helpers
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from raccord.plateau import services
from raccord.plateau.models import ListeningService, ReferentMessage

pytestmark = pytest.mark.django_db

PAGES = [
    "plateau:dashboard",
    "plateau:weather",
    "plateau:decisions",
    "plateau:log",
    "plateau:crew",
    "plateau:care",
    "plateau:call_sheets",
    "plateau:carbon",
    "plateau:pay",
    "plateau:parity",
]


def test_referents_and_listening_services_are_on_every_page(client, crew, as_member):
    ListeningService.objects.create(name="Ligne d’écoute test", phone="01 02 03 04 05")
    as_member(crew["ana"])
    for name in PAGES:
        page = client.get(reverse(name)).content.decode()
        assert "Romane" in page, name
        assert "06 00 00 00 01" in page, name
        assert "Ligne d’écoute test" in page, name
        assert "3919" in page, name  # the default service from the data migration


def test_a_message_reaches_only_the_referents(client, crew, as_member, sent_mails):
    as_member(crew["ana"])
    response = client.post(
        reverse("plateau:care"),
        {"action": "message", "body": "Une remarque déplacée hier soir.", "signed": "on"},
    )
    assert response.status_code == 302
    message = ReferentMessage.objects.get()
    assert message.signed and message.sender == crew["ana"]
    (mail,) = sent_mails()
    assert mail.to == ["romane@example.org"]
    assert "déplacée" not in mail.body and "déplacée" not in mail.alternatives[0][0]

    for name in ("ana", "facilitator", "coordinator"):
        as_member(crew[name])
        response = client.get(reverse("plateau:referent_inbox"))
        assert response.status_code == 403
        assert "déplacée" not in response.content.decode()
    as_member(crew["referent"])
    page = client.get(reverse("plateau:referent_inbox")).content.decode()
    assert "Une remarque déplacée hier soir." in page
    assert "de <strong>Ana</strong>" in page


def test_a_referent_of_another_production_reads_nothing(client, crew, outsider, as_member):
    services.message_referents(crew["ana"], body="Message confidentiel", signed=True)
    outsider.is_vhss_referent = True
    outsider.save()
    as_member(outsider)
    assert (
        "Message confidentiel" not in client.get(reverse("plateau:referent_inbox")).content.decode()
    )


def test_a_referent_appointed_later_reads_only_messages_from_their_appointment_on(
    client, crew, as_member
):
    services.message_referents(crew["ana"], body="Avant ta nomination", signed=True)
    paul = crew["paul"]
    paul.is_vhss_referent = True
    paul.save()
    services.message_referents(crew["ana"], body="Après ta nomination", signed=True)
    as_member(paul)
    page = client.get(reverse("plateau:referent_inbox")).content.decode()
    assert "Après ta nomination" in page and "Avant ta nomination" not in page
    as_member(crew["referent"])  # the referent from the start reads both
    page = client.get(reverse("plateau:referent_inbox")).content.decode()
    assert "Après ta nomination" in page and "Avant ta nomination" in page
    # Withdrawn then named again: from the new appointment on only.
    paul.is_vhss_referent = False
    paul.save()
    paul.is_vhss_referent = True
    paul.save()
    as_member(paul)
    assert (
        "Après ta nomination" not in client.get(reverse("plateau:referent_inbox")).content.decode()
    )


def test_messages_are_signed_by_default_but_the_person_may_choose_anonymity(
    client, crew, as_member
):
    as_member(crew["ana"])
    form_page = client.get(reverse("plateau:care")).content.decode()
    assert 'name="signed" id="id_signed" checked' in form_page or (
        'name="signed"' in form_page and "checked" in form_page
    )
    client.post(reverse("plateau:care"), {"action": "message", "body": "Sans mon nom"})
    message = ReferentMessage.objects.get()
    assert not message.signed and message.sender is None
    as_member(crew["referent"])
    page = client.get(reverse("plateau:referent_inbox")).content.decode()
    assert "message sans nom" in page
    assert "ana@example.org" not in page.split('class="plateau-main"')[1].split("care-panel")[0]


def test_no_referent_yet_points_to_listening_services(crew):
    crew["referent"].is_vhss_referent = False
    crew["referent"].save()
    with pytest.raises(services.PlateauError, match="service d’écoute"):
        services.message_referents(crew["ana"], body="Bonjour")


def test_training_status_and_module_2_deadline(client, crew, as_member):
    production = crew["ana"].production
    deadline = production.first_shooting_day + timedelta(days=15)
    ana = crew["ana"]
    assert ana.training_status()["needs_reminder"]
    as_member(ana)
    client.post(
        reverse("plateau:care"),
        {
            "action": "training",
            "module1_done_on": "2026-01-10",
            "module2_scheduled_on": (deadline + timedelta(days=1)).isoformat(),
        },
    )
    ana.refresh_from_db()
    status = ana.training_status()
    assert status["module1"] and status["module2_late"] and status["needs_reminder"]
    ana.module2_scheduled_on = deadline
    ana.save()
    assert not ana.training_status()["needs_reminder"]


def test_reminders_go_once_a_week_to_those_who_need_them(crew, sent_mails):
    today = timezone.localdate()
    for member in crew.values():
        member.module1_done_on = today
        member.module2_scheduled_on = today
        member.save()
    crew["paul"].module1_done_on = None
    crew["paul"].save()
    call_command("plateau_training_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    mails = sent_mails()
    assert [m.to for m in mails] == [["paul@example.org"]]
    assert "module 1" in mails[0].body
    assert services.send_training_reminders() == 0
