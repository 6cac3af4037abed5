"""Registration rules as a visitor and the team live them."""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.utils import timezone

from raccord.events import services
from raccord.events.models import Registration
from raccord.events.services import RegistrationError

pytestmark = pytest.mark.django_db


def _ics(mail):
    found = [a for a in mail.attachments if a[0].endswith(".ics")]
    if not found:
        return None
    content = found[0][1]
    return icalendar.Calendar.from_ical(content if isinstance(content, bytes) else content.encode())


def test_a_registration_is_confirmed_with_the_ics_in_paris_time(make_event, register, sent_mails):
    paris = ZoneInfo("Europe/Paris")
    start = timezone.now().replace(microsecond=0) + timedelta(days=20)
    event = make_event(start=start, title="Prendre soin sur les plateaux")
    registration = register(event, name="Julie", email="Julie@Exemple.org ", seats=2)

    assert registration.status == Registration.Status.CONFIRMED
    assert registration.email == "julie@exemple.org"
    assert registration.contact.email == "julie@exemple.org"
    (mail,) = sent_mails()
    assert mail.to == ["julie@exemple.org"]
    assert "confirmée" in mail.subject
    assert "/soirees/mon-inscription/" in mail.body
    vevent = _ics(mail).walk("VEVENT")[0]
    dtstart = vevent.decoded("dtstart")
    assert dtstart == start
    assert str(dtstart.tzinfo) == "Europe/Paris"
    assert dtstart.utcoffset() == start.astimezone(paris).utcoffset()
    assert vevent["summary"] == "Prendre soin sur les plateaux"
    assert "le DOC" in vevent["location"]
    assert _ics(mail).walk("VTIMEZONE")


def test_a_full_event_puts_the_next_visitor_on_the_waitlist_without_ics(
    make_event, register, sent_mails
):
    event = make_event(capacity=2)
    register(event, seats=2)
    sent_mails()
    waiting = register(event, name="Colin", email="colin@exemple.org")
    assert waiting.status == Registration.Status.WAITLISTED
    mail = sent_mails()[-1]
    assert "attente" in mail.subject.lower()
    assert _ics(mail) is None
    assert "position 1" in mail.body


def test_asking_for_more_seats_than_left_is_refused_clearly(make_event, register):
    event = make_event(capacity=3)
    register(event, seats=2)
    with pytest.raises(RegistrationError, match="Il ne reste que 1 place"):
        register(event, seats=2)
    assert Registration.objects.count() == 1


def test_seats_over_the_per_registration_limit_are_refused(make_event, register):
    event = make_event(max_seats_per_registration=2)
    with pytest.raises(RegistrationError, match="de 1 à 2 places"):
        register(event, seats=3)
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"registration_enabled": False}, "sans inscription"),
        ({"start": timezone.now() - timedelta(days=2)}, "passée"),
        ({"registration_closes_at": timezone.now() - timedelta(hours=1)}, "closes"),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "ouvriront"),
    ],
)
def test_closed_past_or_not_yet_open_events_refuse_registrations(
    make_event, register, fields, message
):
    event = make_event(**fields)
    with pytest.raises(RegistrationError, match=message):
        register(event)
    assert not Registration.objects.exists()


def test_an_invalid_email_is_refused_in_french(event, register):
    with pytest.raises(RegistrationError, match="adresse e-mail n’est pas valide"):
        register(event, email="pas-une-adresse")
    assert not Registration.objects.exists()


def test_registering_with_someone_elses_address_changes_nothing_and_mails_the_owner(
    make_event, register, sent_mails
):
    event = make_event()
    first = register(event, name="Paul", email="paul@exemple.org", seats=1)
    before = len(sent_mails())

    again = register(event, name="Usurpateur", email="PAUL@exemple.org", seats=3)

    assert again.pk == first.pk and Registration.objects.count() == 1
    first.refresh_from_db()
    assert (first.name, first.seats, first.status) == ("Paul", 1, Registration.Status.CONFIRMED)
    assert first.contact.name == "Paul"
    (mail,) = sent_mails()[before:]
    assert mail.to == ["paul@exemple.org"]
    assert "existe déjà" in mail.subject
    token = re.search(r"/soirees/mon-inscription/([^/\s]+)/", mail.body).group(1)
    assert services.registration_from_token(token) == first  # the owner's own link
    assert "Bonjour Paul," in mail.body and "Usurpateur" not in mail.body
    assert mail.alternatives and "Gérer mon inscription" in mail.alternatives[0][0]


def test_a_known_address_gets_the_same_errors_as_a_new_one(make_event, register):
    """The seat count of the address's owner never shows in what the visitor reads."""
    event = make_event(capacity=3, max_seats_per_registration=3)
    register(event, email="paul@exemple.org", seats=1)
    register(event, seats=1)
    messages = []
    for email in ("paul@exemple.org", "inconnue@exemple.org"):
        with pytest.raises(RegistrationError) as error:
            register(event, email=email, seats=2)
        messages.append(str(error.value))
    assert (
        messages[0]
        == messages[1]
        == ("Il ne reste que 1 place : réduisez le nombre de places demandées.")
    )


def test_the_owner_changes_name_seats_and_answers_from_their_link(make_event, register, sent_mails):
    event = make_event(capacity=6, max_seats_per_registration=5)
    registration = register(event, name="Paul", email="paul@exemple.org", seats=1)
    before = len(sent_mails())

    changed = services.change_registration(
        registration, name="Paul Meigné", seats=3, answers={"dietary": "Végétarien"}
    )

    assert (changed.name, changed.seats) == ("Paul Meigné", 3)
    assert changed.answers == {"dietary": "Végétarien"}
    (mail,) = sent_mails()[before:]
    assert "mise à jour" in mail.subject
    register(event, seats=2)
    with pytest.raises(RegistrationError, match="Il ne reste que 1 place de plus"):
        services.change_registration(changed, name="Paul", seats=5)


def test_fewer_seats_from_the_link_go_to_the_waitlist(make_event, register, sent_mails):
    event = make_event(capacity=3, max_seats_per_registration=3)
    registration = register(event, email="paul@exemple.org", seats=3)
    waiting = register(event, email="colin@exemple.org", seats=1)
    assert waiting.status == Registration.Status.WAITLISTED

    services.change_registration(registration, name="Paul", seats=2)

    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_cancelling_promotes_the_first_waitlisted_entries_that_fit(
    make_event, register, sent_mails
):
    event = make_event(capacity=2, max_seats_per_registration=4)
    leaving = register(event, email="a@exemple.org", seats=2)
    big = register(event, email="b@exemple.org", seats=3)
    small = register(event, email="c@exemple.org", seats=1)
    later = register(event, email="d@exemple.org", seats=1)
    assert {big.status, small.status, later.status} == {Registration.Status.WAITLISTED}
    sent_mails()

    services.cancel(leaving)

    big.refresh_from_db()
    small.refresh_from_db()
    later.refresh_from_db()
    assert big.status == Registration.Status.WAITLISTED  # 3 seats do not fit in 2
    assert small.status == Registration.Status.CONFIRMED
    assert later.status == Registration.Status.CONFIRMED
    assert event.remaining_seats() == 0
    subjects = [m.subject for m in sent_mails()[-3:]]
    assert any("annulée" in s for s in subjects)
    assert sum("place s’est libérée" in s for s in subjects) == 2


def test_cancelling_twice_changes_nothing(event, register, sent_mails):
    registration = register(event)
    services.cancel(registration)
    services.cancel(registration)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert len(sent_mails()) == 2


def test_someone_who_cancelled_can_register_again(event, register):
    registration = register(event, email="x@exemple.org")
    services.cancel(registration)
    again = register(event, email="x@exemple.org")
    assert again.pk == registration.pk
    assert again.status == Registration.Status.CONFIRMED
    assert again.cancelled_at is None


def test_raising_the_capacity_gives_seats_to_the_waitlist(make_event, register, run_on_commit):
    event = make_event(capacity=1)
    register(event)
    waiting = register(event)
    event.capacity = 2
    event.save_revision().publish()
    run_on_commit()
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED


def test_seat_changes_are_announced_after_commit(event, register, run_on_commit):
    from raccord.events.signals import event_seats_changed

    seen = []

    def receiver(sender, event, **kwargs):
        seen.append(event.pk)

    event_seats_changed.connect(receiver)
    try:
        register(event)
        assert seen == []
        run_on_commit()
        assert seen == [event.pk]
    finally:
        event_seats_changed.disconnect(receiver)


def test_reminders_go_once_to_confirmed_registrants_of_tomorrow(make_event, register, sent_mails):
    now = timezone.now()
    tomorrow = timezone.localtime(now).replace(hour=19, minute=0) + timedelta(days=1)
    soon = make_event(start=tomorrow)
    later = make_event(start=now + timedelta(days=5))
    confirmed = register(soon)
    register(later)
    cancelled = register(soon)
    services.cancel(cancelled)
    sent_mails()
    count_before = len(sent_mails())

    assert services.send_reminders(now=now) == 1
    assert services.send_reminders(now=now) == 0
    mails = sent_mails()[count_before:]
    assert [m.to for m in mails] == [[confirmed.email]]
    assert "demain" in mails[0].subject


def test_old_registrations_are_anonymised_and_counts_kept(make_event, register):
    now = timezone.now()
    old = make_event(start=now + timedelta(days=1))
    recent = make_event(start=now + timedelta(days=2))
    register(old, seats=2)
    register(recent)
    # Move the first event 400 days back, as if time had passed.
    type(old).objects.filter(pk=old.pk).update(
        start=now - timedelta(days=400), end=now - timedelta(days=400) + timedelta(hours=4)
    )

    assert services.anonymise_past_registrations(days=365) == 1
    kept = Registration.objects.get(event=old)
    assert kept.name == "" and kept.email == "" and kept.contact is None
    assert kept.seats == 2 and kept.status == Registration.Status.CONFIRMED
    assert services.counts(old)["confirmed_seats"] == 2
    assert Registration.objects.get(event=recent).email
    assert services.anonymise_past_registrations(days=365) == 0


def test_the_team_writes_to_confirmed_registrants_one_mail_each(make_event, register, sent_mails):
    event = make_event(capacity=1)
    register(event, email="in@exemple.org")
    register(event, email="wait@exemple.org")
    sent_mails()
    before = len(sent_mails())
    count = services.write_to_registrants(
        event, subject="Changement de salle", body="Rendez-vous salle 2.", audience="confirmed"
    )
    assert count == 1
    (mail,) = sent_mails()[before:]
    assert mail.to == ["in@exemple.org"]
    assert mail.subject == "Changement de salle"
    assert "Rendez-vous salle 2." in mail.body


def test_marking_present_is_counted(event, register):
    registration = register(event, seats=2)
    services.mark_present(registration)
    counts = services.counts(event)
    assert counts["present"] == 1 and counts["present_seats"] == 2
    assert counts["fill_rate"] == 5  # 2 of 40


def test_gdpr_export_and_erase_keep_the_counts(event, register):
    from raccord.events import gdpr

    registration = register(event, email="marie@exemple.org", answers={"dietary": "végétarien"})
    contact = registration.contact
    data = gdpr.export(contact)
    assert data["inscriptions_aux_soirees"][0]["email"] == "marie@exemple.org"
    gdpr.erase(contact)
    registration.refresh_from_db()
    assert registration.email == "" and registration.answers == {}
    assert registration.status == Registration.Status.CANCELLED  # seats freed for others
    assert Registration.objects.filter(event=event).count() == 1
    assert gdpr.export(contact) == {"inscriptions_aux_soirees": []}
