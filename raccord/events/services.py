"""Registrations: the verbs views, admin, commands and tests share.

Every verb that changes seats locks the event row first (`select_for_update` on PostgreSQL;
on SQLite the `IMMEDIATE` transaction mode takes the write lock when the block starts), so two
visitors can never take the same last seat.
"""

from __future__ import annotations

import random
import time
from datetime import datetime, timedelta
from functools import wraps

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import OperationalError, connection, transaction
from django.db.models import Count, Q, Sum
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from raccord.core import outbox, signed_links
from raccord.newsletter import services as newsletter
from raccord.people.models import normalize_email
from raccord.people.services import find_or_create, record_consent

from . import calendars
from .models import EventPage, Registration, retention_days
from .signals import seats_changed

MANAGE_PURPOSE = "events.manage"
# Neutral on purpose: the form must cost no query (the page around it names the collective).
NEWSLETTER_WORDING = (
    f"Je souhaite recevoir l’infolettre du collectif ({newsletter.FREQUENCY}, "
    "désinscription en un clic)."
)


REGISTRATION_WORDING = (
    "Vos nom et adresse servent à gérer votre inscription (confirmation, rappel la veille, "
    "liste d’accueil). Ils sont anonymisés un an après la soirée."
)


class RegistrationError(Exception):
    """Raised with a French sentence the visitor reads as is."""


# Links ------------------------------------------------------------------------


def manage_token(registration: Registration) -> str:
    return signed_links.make(
        MANAGE_PURPOSE, registration.pk, max_age=registration.manage_link_max_age()
    )


def manage_url(registration: Registration) -> str:
    path = reverse("events:manage", args=[manage_token(registration)])
    return settings.RACCORD_SITE_URL.rstrip("/") + path


def registration_from_token(token: str) -> Registration:
    """The registration a signed link points to; BadLink (French) when tampered or expired."""
    pk = signed_links.read(MANAGE_PURPOSE, token)
    registration = (
        Registration.objects.select_related("event", "event__venue").filter(pk=pk).first()
    )
    if registration is None or registration.anonymised_at is not None:
        raise signed_links.BadLink("Cette inscription n’existe plus.")
    return registration


# Helpers ----------------------------------------------------------------------


def _retry_when_busy(func):
    """On SQLite a writer may find the database locked by another one: wait a little, retry.

    PostgreSQL waits on the row lock by itself; inside an outer transaction we cannot retry.
    """

    @wraps(func)
    def wrapper(*args, **kwargs):
        for attempt in range(60):
            try:
                return func(*args, **kwargs)
            except OperationalError as error:
                busy = connection.vendor == "sqlite" and "locked" in str(error)
                if not busy or connection.in_atomic_block or attempt == 59:
                    raise
                time.sleep(min(0.01 * (attempt + 1), 0.2) * (0.5 + random.random()))
        return None

    return wrapper


def _locked(event: EventPage, *, with_counts: bool = False) -> EventPage:
    """The event, re-read under a row lock: one writer per event at a time.

    `with_counts` then reads the confirmed seats and the waitlist length in one query. It must
    be a statement of its own: on PostgreSQL a subquery inside the FOR UPDATE statement would
    see the snapshot taken before the lock was granted, and overbook.
    """
    event = (
        EventPage.objects.select_for_update(of=("self",)).select_related("venue").get(pk=event.pk)
    )
    if with_counts:
        s = Registration.Status
        counts = Registration.objects.filter(event=event).aggregate(
            taken=Sum("seats", filter=Q(status=s.CONFIRMED), default=0),
            waiting=Count("pk", filter=Q(status=s.WAITLISTED)),
        )
        event.taken_seats, event.waiting_count = counts["taken"], counts["waiting"]
    return event


def _after_commit(event: EventPage) -> None:
    transaction.on_commit(lambda: seats_changed(event))


def _event_url(event: EventPage) -> str:
    url = event.get_url() or ""
    return url if url.startswith("http") else settings.RACCORD_SITE_URL.rstrip("/") + url


def _mail(template: str, registration: Registration, *, with_ics: bool = False, **extra):
    event = registration.event
    context = {
        "event": event,
        "registration": registration,
        "manage_url": manage_url(registration),
        "event_url": _event_url(event),
        "when": when(event),
        **extra,
    }
    to = registration.contact or registration.email
    attachments = [calendars.attachment(event)] if with_ics else None
    return outbox.send(f"events/{template}", to=to, context=context, attachments=attachments)


def when(event: EventPage) -> str:
    """'dimanche 9 mars 2025, de 18 h 00 à 23 h 00' in Paris time."""
    start = timezone.localtime(event.start)
    end = timezone.localtime(event.end)
    day = date_format(start, "l j F Y")
    if start.date() == end.date():
        return f"{day}, de {start:%H} h {start:%M} à {end:%H} h {end:%M}"
    return (
        f"du {day} à {start:%H} h {start:%M} au {date_format(end, 'l j F Y')} à {end:%H} h {end:%M}"
    )


def _remaining(event: EventPage) -> int | None:
    return event.remaining_seats()


def _check_open(event: EventPage) -> None:
    state = event.registration_state()
    if not event.live:
        raise RegistrationError("Cette soirée n’est pas publiée.")
    if state == "none":
        raise RegistrationError("Cette soirée se fait sans inscription : venez directement !")
    if state == "not_yet":
        opens = date_format(timezone.localtime(event.registration_opens_at), "l j F Y à H\\hi")
        raise RegistrationError(f"Les inscriptions ouvriront le {opens}.")
    if state == "closed":
        if event.is_past():
            raise RegistrationError("Cette soirée est passée : les inscriptions sont closes.")
        raise RegistrationError("Les inscriptions sont closes pour cette soirée.")


def _check_seats(event: EventPage, seats: int) -> None:
    limit = max(event.max_seats_per_registration or 1, 1)
    if not isinstance(seats, int) or seats < 1 or seats > limit:
        raise RegistrationError(
            f"Vous pouvez réserver de 1 à {limit} place{'s' if limit > 1 else ''} par inscription."
        )


def _places(n: int) -> str:
    return f"{n} place{'s' if n > 1 else ''}"


def _newsletter_opt_in(contact, source: str) -> None:
    """The separate infolettre consent: a double opt-in started by the newsletter app."""
    try:
        newsletter.subscribe(email=contact.email, name=contact.name, source=source)
    except newsletter.NewsletterError as error:
        raise RegistrationError(str(error)) from error


# Verbs ------------------------------------------------------------------------


@_retry_when_busy
@transaction.atomic
def register(
    event: EventPage,
    *,
    name: str,
    email: str,
    seats: int = 1,
    answers: dict | None = None,
    newsletter: bool = False,
    source: str = "",
) -> Registration:
    """Confirm the seats if they are free, or put the person on the waitlist when full.

    A known address changes nothing: anyone may type anyone's address, so its owner gets a mail
    with their own link instead, and the caller cannot tell the two cases apart (same checks,
    same errors, a mail queued either way). Only the signed link changes a registration.
    """
    name = " ".join((name or "").split())[:200]
    email = normalize_email(email)
    if not name:
        raise RegistrationError("Indiquez votre nom ou un pseudonyme.")
    try:
        validate_email(email)
    except ValidationError as error:
        raise RegistrationError(
            "Cette adresse e-mail n’est pas valide (exemple : nom@exemple.fr)."
        ) from error
    _check_open(event)
    _check_seats(event, seats)
    answers = _clean_answers(answers)
    source = source or f"Inscription à « {event.title} »"
    # Work that does not touch seats happens before the lock, so the lock is held briefly.
    contact = find_or_create(email=email, name=name)
    if newsletter:
        _newsletter_opt_in(contact, source)

    event = _locked(event, with_counts=True)
    _check_open(event)  # again: the team may have closed it meanwhile
    _check_seats(event, seats)
    now = timezone.now()
    remaining = (
        None if event.capacity is None else max(event.capacity - (event.taken_seats or 0), 0)
    )
    if remaining is None or seats <= remaining:
        status = Registration.Status.CONFIRMED
    elif remaining == 0:
        status = Registration.Status.WAITLISTED
    else:
        raise RegistrationError(
            f"Il ne reste que {_places(remaining)} : réduisez le nombre de places demandées."
        )
    registration = Registration.objects.filter(event=event, email=email).first()
    if registration is not None and registration.status != Registration.Status.CANCELLED:
        # Maybe the owner, maybe a stranger: change nothing, mail the owner their own link.
        _mail("already", registration)
        registration.was_updated = False
        return registration

    record_consent(
        contact,
        "registration",
        source=source,
        wording=REGISTRATION_WORDING,
        wording_version="events-2026-11",
    )
    if registration is None:
        registration = Registration(event=event, email=email, created_at=now)
    registration.contact = contact
    registration.name = name
    registration.seats = seats
    registration.answers = answers
    registration.newsletter_opt_in = newsletter
    registration.status = status
    registration.cancelled_at = None
    registration.present_at = None
    registration.reminded_at = None
    registration.confirmed_at = now if status == Registration.Status.CONFIRMED else None
    registration.waitlisted_at = now if status == Registration.Status.WAITLISTED else None
    registration.save()
    _send_status_mail(registration, position=(event.waiting_count or 0) + 1)
    _after_commit(event)
    registration.was_updated = False
    return registration


def _clean_answers(answers: dict | None) -> dict:
    return {k: str(v)[:1000] for k, v in (answers or {}).items() if str(v).strip()}


@_retry_when_busy
@transaction.atomic
def change_registration(
    registration: Registration, *, name: str, seats: int, answers: dict | None = None
) -> Registration:
    """The owner, from their signed link, changes their name, seats or answers.

    More seats on a confirmed registration must fit in what is left; fewer free seats for the
    waitlist at once. A waitlisted registration may ask for any allowed number of seats.
    """
    name = " ".join((name or "").split())[:200]
    if not name:
        raise RegistrationError("Indiquez votre nom ou un pseudonyme.")
    event = _locked(registration.event, with_counts=True)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.event = event
    if registration.status == Registration.Status.CANCELLED:
        raise RegistrationError(
            "Cette inscription est annulée : réinscrivez-vous depuis la soirée."
        )
    if event.is_past():
        raise RegistrationError("Cette soirée est passée : l’inscription ne peut plus changer.")
    _check_seats(event, seats)
    if registration.status == Registration.Status.CONFIRMED and event.capacity is not None:
        remaining = max(event.capacity - (event.taken_seats or 0), 0)
        if seats - registration.seats > remaining:
            raise RegistrationError(
                f"Il ne reste que {_places(remaining)} de plus : "
                f"choisissez au plus {registration.seats + remaining}."
            )
    registration.name = name
    registration.seats = seats
    registration.answers = _clean_answers(answers)
    registration.save(update_fields=["name", "seats", "answers", "updated_at"])
    promoted = _promote(event)
    registration.refresh_from_db()
    if registration not in promoted:
        _send_status_mail(registration, updated=True)
    _after_commit(event)
    return registration


def _send_status_mail(
    registration: Registration, *, updated: bool = False, position: int | None = None
):
    if registration.status == Registration.Status.CONFIRMED:
        return _mail("confirmation", registration, with_ics=True, updated=updated)
    if position is not None:
        return _mail("waitlist", registration, updated=updated, position=position)
    position = (
        Registration.objects.waitlisted()
        .filter(
            Q(waitlisted_at__lt=registration.waitlisted_at)
            | Q(waitlisted_at=registration.waitlisted_at, pk__lt=registration.pk)
        )
        .count()
        + 1
    )
    return _mail("waitlist", registration, updated=updated, position=position)


def _promote(event: EventPage) -> list[Registration]:
    """Confirm the first waitlisted registrations that fit (FIFO); the event must be locked."""
    remaining = _remaining(event)
    promoted = []
    for registration in Registration.objects.filter(event=event).waitlisted():
        if remaining is not None and registration.seats > remaining:
            if remaining == 0:
                break
            continue  # a smaller request further down may fit
        registration.status = Registration.Status.CONFIRMED
        registration.confirmed_at = timezone.now()
        registration.save(update_fields=["status", "confirmed_at", "updated_at"])
        registration.event = event
        _mail("promotion", registration, with_ics=True)
        promoted.append(registration)
        if remaining is not None:
            remaining -= registration.seats
    return promoted


@_retry_when_busy
@transaction.atomic
def promote_from_waitlist(event: EventPage) -> list[Registration]:
    """Give freed seats to the waitlist, first come first served, and mail who got one."""
    event = _locked(event)
    if event.is_past():
        return []
    promoted = _promote(event)
    if promoted:
        _after_commit(event)
    return promoted


@_retry_when_busy
@transaction.atomic
def cancel(
    registration: Registration, *, notify: bool = True, reason: str = "", by_team: bool = False
) -> Registration:
    """Cancel seats or leave the waitlist; freed seats go to the waitlist at once.

    The one path for a person cancelling from their link and for the team cancelling from the
    admin (`by_team`, with a reason), so both promote the waitlist in order and mail alike.
    """
    reason = " ".join((reason or "").split())[:300]
    if by_team and not reason:
        raise RegistrationError("Indiquez le motif de l’annulation.")
    event = _locked(registration.event)
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    registration.event = event
    if registration.status == Registration.Status.CANCELLED:
        return registration  # a second click changes nothing
    was_confirmed = registration.status == Registration.Status.CONFIRMED
    registration.status = Registration.Status.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.cancel_reason = reason
    registration.save(update_fields=["status", "cancelled_at", "cancel_reason", "updated_at"])
    if notify and registration.email:
        _mail(
            "cancellation",
            registration,
            was_confirmed=was_confirmed,
            by_team=by_team,
            reason=reason,
        )
    if was_confirmed and not event.is_past():
        _promote(event)
    _after_commit(event)
    return registration


def mark_present(registration: Registration, present: bool = True) -> Registration:
    """Tick (or untick) a person at the door."""
    if registration.status == Registration.Status.CANCELLED and present:
        raise RegistrationError("Cette inscription a été annulée.")
    registration.present_at = timezone.now() if present else None
    registration.save(update_fields=["present_at", "updated_at"])
    return registration


AUDIENCES = {
    "confirmed": [Registration.Status.CONFIRMED],
    "waitlisted": [Registration.Status.WAITLISTED],
    "all": [Registration.Status.CONFIRMED, Registration.Status.WAITLISTED],
}


@transaction.atomic
def write_to_registrants(
    event: EventPage, *, subject: str, body: str, audience: str = "confirmed", sender=None
) -> int:
    """One mail per registrant of `event` (through the outbox); returns how many were queued."""
    if audience not in AUDIENCES:
        raise RegistrationError("Choisissez à qui écrire.")
    subject, body = (subject or "").strip(), (body or "").strip()
    if not subject or not body:
        raise RegistrationError("L’objet et le message sont obligatoires.")
    registrations = (
        Registration.objects.filter(event=event, status__in=AUDIENCES[audience])
        .exclude(email="")
        .select_related("contact", "event")
    )
    count = 0
    for registration in registrations:
        outbox.send(
            "events/message",
            to=registration.contact or registration.email,
            subject=subject,
            context={
                "event": event,
                "registration": registration,
                "body": body,
                "manage_url": manage_url(registration),
                "event_url": _event_url(event),
            },
        )
        count += 1
    return count


def _paris_day_bounds(day) -> tuple[datetime, datetime]:
    start = timezone.make_aware(datetime.combine(day, datetime.min.time()))
    return start, start + timedelta(days=1)


def send_reminders(now: datetime | None = None) -> int:
    """Remind confirmed registrants the day before; each registration is reminded once."""
    now = now or timezone.now()
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    _, end_of_tomorrow = _paris_day_bounds(tomorrow)
    due = (
        Registration.objects.filter(
            status=Registration.Status.CONFIRMED,
            reminded_at__isnull=True,
            event__start__gt=now,
            event__start__lt=end_of_tomorrow,
            event__live=True,
        )
        .exclude(email="")
        .select_related("event", "event__venue", "contact")
    )
    sent = 0
    for registration in due:
        with transaction.atomic():
            # The conditional update is the idempotency guard, even for two runs at once.
            claimed = Registration.objects.filter(
                pk=registration.pk, reminded_at__isnull=True
            ).update(reminded_at=now)
            if claimed:
                _mail("reminder", registration, with_ics=True)
                sent += 1
    return sent


def anonymise_past_registrations(days: int | None = None, now: datetime | None = None) -> int:
    """Erase names, emails and answers `days` after each event; rows (and counts) stay."""
    now = now or timezone.now()
    days = retention_days() if days is None else days
    cutoff = now - timedelta(days=days)
    return Registration.objects.filter(event__end__lt=cutoff, anonymised_at__isnull=True).update(
        name="", email="", contact=None, answers={}, anonymised_at=now, updated_at=now
    )


def counts(event: EventPage) -> dict:
    """Confirmed, waitlist, cancelled and present, in people and seats, plus the fill rate."""
    s = Registration.Status
    data = Registration.objects.filter(event=event).aggregate(
        confirmed=Count("pk", filter=Q(status=s.CONFIRMED)),
        confirmed_seats=Sum("seats", filter=Q(status=s.CONFIRMED), default=0),
        waitlisted=Count("pk", filter=Q(status=s.WAITLISTED)),
        waitlisted_seats=Sum("seats", filter=Q(status=s.WAITLISTED), default=0),
        cancelled=Count("pk", filter=Q(status=s.CANCELLED)),
        present=Count("pk", filter=Q(present_at__isnull=False)),
        present_seats=Sum("seats", filter=Q(present_at__isnull=False), default=0),
    )
    data["capacity"] = event.capacity
    data["fill_rate"] = (
        round(100 * data["confirmed_seats"] / event.capacity) if event.capacity else None
    )
    return data
