"""Requests from venues, from the public form to the soirée: every step goes through here."""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from raccord.core import identity, outbox
from raccord.events.models import EventIndexPage, EventPage, Venue
from raccord.people.models import Organisation
from raccord.people.services import find_or_create_organisation

from .models import RequestActivity, ScreeningRequest, Showing

Status = ScreeningRequest.Status

# Where a request may go from each step; anything else is refused with a French message.
TRANSITIONS: dict[str, tuple[str, ...]] = {
    Status.NEW: (Status.DISCUSSION, Status.CONFIRMED, Status.REFUSED),
    Status.DISCUSSION: (Status.CONFIRMED, Status.REFUSED),
    Status.CONFIRMED: (Status.DONE, Status.REFUSED),
    Status.DONE: (),
    Status.REFUSED: (Status.DISCUSSION,),
}

# A resubmission of the same request within this window is the same request (double click,
# back button, flaky connection): nothing new is stored or mailed.
DUPLICATE_WINDOW = timedelta(days=1)

VenueKind = ScreeningRequest.VenueKind
VENUE_TO_ORGANISATION_KIND = {
    VenueKind.CINEMA: Organisation.Kind.VENUE,
    VenueKind.ASSOCIATION: Organisation.Kind.ASSOCIATION,
    VenueKind.SCHOOL: Organisation.Kind.SCHOOL,
    VenueKind.UNION: Organisation.Kind.UNION,
    VenueKind.FESTIVAL: Organisation.Kind.FESTIVAL,
    VenueKind.ACTIVIST: Organisation.Kind.VENUE,
    VenueKind.LIBRARY: Organisation.Kind.VENUE,
    VenueKind.OTHER: Organisation.Kind.OTHER,
}


class RequestError(Exception):
    """Raised with a French sentence shown as is to the visitor or the volunteer."""


def allowed_moves(request: ScreeningRequest) -> list[tuple[str, str]]:
    labels = dict(Status.choices)
    return [(status, labels[status]) for status in TRANSITIONS.get(request.status, ())]


def _fingerprint(kind: str, email: str, data: dict, film_ids: list[int]) -> str:
    keys = ("organisation_name", "city", "date_from", "date_to", "message", "topics")
    payload = {k: str(data.get(k) or "").strip().lower() for k in keys}
    payload.update(kind=kind, email=email.strip().lower(), films=sorted(film_ids))
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()


def check_dates(date_from: date | None, date_to: date | None) -> None:
    today = timezone.localdate()
    if date_from is None:
        raise RequestError("Indiquez au moins une date souhaitée.")
    if date_from <= today:
        raise RequestError("La date souhaitée doit être dans le futur.")
    if date_to is not None and date_to < date_from:
        raise RequestError("La date de fin doit suivre la date de début.")


@transaction.atomic
def submit_request(
    *,
    kind: str,
    email: str,
    name: str,
    organisation_name: str,
    venue_kind: str,
    city: str,
    date_from: date,
    date_to: date | None = None,
    films=(),
    attachment=None,
    source: str = "",
    **fields,
) -> tuple[ScreeningRequest, bool]:
    """Store a venue's request against its Contact and Organisation, then mail both sides.

    Returns the request and whether it is new: the same request sent twice is stored once.
    """
    from raccord.people.models import Contact
    from raccord.people.services import find_or_create

    if kind not in ScreeningRequest.Kind.values:
        raise RequestError("Type de demande inconnu.")
    if not (email or "").strip():
        raise RequestError("Indiquez une adresse e-mail pour que l’on puisse vous répondre.")
    if not organisation_name.strip() or not city.strip():
        raise RequestError("Indiquez la structure et la ville.")
    check_dates(date_from, date_to)

    contact = find_or_create(email=email, name=name)
    # One writer per person at a time, so a double submit cannot slip in twice.
    contact = Contact.objects.select_for_update().get(pk=contact.pk)
    films = list(films)
    film_ids = [film.pk for film in films]
    data = {
        "organisation_name": organisation_name,
        "city": city,
        "date_from": date_from,
        "date_to": date_to,
        **fields,
    }
    fingerprint = _fingerprint(kind, contact.email, data, film_ids)
    existing = ScreeningRequest.objects.filter(
        fingerprint=fingerprint, created_at__gte=timezone.now() - DUPLICATE_WINDOW
    ).first()
    if existing is not None:
        return existing, False

    organisation = find_or_create_organisation(
        organisation_name, city=city, kind=VENUE_TO_ORGANISATION_KIND.get(venue_kind, "")
    )
    request = ScreeningRequest(
        kind=kind,
        contact=contact,
        contact_name=(name or "").strip(),
        organisation=organisation,
        organisation_name=" ".join(organisation_name.split()),
        venue_kind=venue_kind,
        city=city.strip(),
        date_from=date_from,
        date_to=date_to,
        source=source[:300],
        fingerprint=fingerprint,
        **fields,
    )
    if attachment:
        request.attachment.save(attachment.name, attachment, save=False)
    request.save()
    if films:
        request.films.set(films)
    RequestActivity.objects.create(request=request, to_status=Status.NEW, text="Demande reçue.")

    context = {"request_obj": request, "films": films}
    outbox.send("films/request_received", to=contact, context=context)
    outbox.send(
        "films/request_team",
        to=identity.team_email(),
        context={**context, "admin_url": admin_url(request)},
        reply_to=contact.email,
    )
    return request, True


def admin_url(request: ScreeningRequest) -> str:
    from django.urls import reverse

    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
        "films_requests:inspect", args=[request.pk]
    )


@transaction.atomic
def move_request(request: ScreeningRequest, to_status: str, *, by=None, note: str = ""):
    """Move a request along the pipeline; confirming drafts a soirée, completing records it."""
    request = ScreeningRequest.objects.select_for_update().get(pk=request.pk)
    labels = dict(Status.choices)
    if to_status not in labels:
        raise RequestError("Étape inconnue.")
    if to_status not in TRANSITIONS[request.status]:
        raise RequestError(
            f"Impossible de passer une demande « {labels[request.status]} » "
            f"à l’étape « {labels[to_status]} »."
        )
    from_status = request.status
    request.status = to_status
    if by is not None and request.followed_by_id is None:
        request.followed_by = by
    request.save(update_fields=["status", "followed_by", "updated_at"])
    text = note.strip()
    if to_status == Status.CONFIRMED:
        event = create_draft_event(request)
        if event is not None:
            text = (text + "\n" if text else "") + f"Soirée créée en brouillon : « {event.title} »."
    if to_status == Status.DONE:
        record_showing(request)
    RequestActivity.objects.create(
        request=request, by=by, from_status=from_status, to_status=to_status, text=text
    )
    return request


@transaction.atomic
def add_note(request: ScreeningRequest, text: str, *, by=None) -> RequestActivity:
    text = (text or "").strip()
    if not text:
        raise RequestError("La note est vide.")
    return RequestActivity.objects.create(request=request, by=by, text=text[:5000])


@transaction.atomic
def assign(request: ScreeningRequest, user, *, by=None) -> ScreeningRequest:
    """Say who follows the request (or nobody), and keep a trace in the journal."""
    request.followed_by = user
    request.save(update_fields=["followed_by", "updated_at"])
    who = (user.get_full_name() or user.get_username()) if user else "personne"
    RequestActivity.objects.create(request=request, by=by, text=f"Suivie par : {who}.")
    return request


def _draft_title(request: ScreeningRequest) -> str:
    what = (
        "Projection accompagnée"
        if request.kind == ScreeningRequest.Kind.SCREENING
        else f"Exposition · {identity.for_site(None).label}"
    )
    return f"{what} · {request.organisation_name} ({request.city})"[:255]


def create_draft_event(request: ScreeningRequest):
    """A draft soirée under /soirees/, filled from the request; the team completes it.

    Returns None when the site has no soirées page to put it in yet (the request moves on).
    """
    if request.event_id:
        return request.event
    index = EventIndexPage.objects.filter(slug="soirees").first() or EventIndexPage.objects.first()
    if index is None:
        return None
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(request.date_from, time(19, 0)), tz)
    if request.kind == ScreeningRequest.Kind.EXHIBITION and request.date_to:
        end = timezone.make_aware(datetime.combine(request.date_to, time(19, 0)), tz)
    else:
        end = start + timedelta(hours=3)
    venue_name = request.venue_name or request.organisation_name
    venue = Venue.objects.filter(name__iexact=venue_name, city__iexact=request.city).first()
    if venue is None:
        venue = Venue.objects.create(
            name=venue_name, city=request.city, accessibility=request.accessibility
        )
    films = ", ".join(film.title for film in request.films.all())
    intro_parts = [f"{request.get_kind_display()} demandée par {request.organisation_name}."]
    if films:
        intro_parts.append(f"Films : {films}.")
    if request.with_round_table:
        intro_parts.append("Avec une table ronde.")
    if request.topics:
        intro_parts.append(f"Sujets souhaités : {request.topics}")
    kind = EventPage.Kind.SCREENING
    if request.with_round_table:
        kind = EventPage.Kind.EVENING
    price_kind = (
        EventPage.Price.PAY_WHAT_YOU_CAN
        if request.budget == ScreeningRequest.Budget.FREE
        else EventPage.Price.FREE
    )
    base_slug = (
        slugify(f"{request.organisation_name}-{request.date_from:%Y-%m-%d}")[:70] or "soiree"
    )
    slug, n = base_slug, 2
    while index.get_children().filter(slug=slug).exists():
        slug, n = f"{base_slug}-{n}", n + 1
    event = EventPage(
        title=_draft_title(request),
        slug=slug,
        kind=kind,
        start=start,
        end=end,
        venue=venue,
        intro=" ".join(intro_parts)[:2000],
        price_kind=price_kind,
        capacity=request.expected_audience,
        registration_enabled=False,
        live=False,
    )
    index.add_child(instance=event)
    event.save_revision()
    request.event = event
    request.save(update_fields=["event", "updated_at"])
    return event


def record_showing(request: ScreeningRequest) -> Showing:
    """A completed request becomes a line on /diffusion/ (the team can correct the audience)."""
    showing = Showing.objects.filter(request=request).first()
    if showing is not None:
        return showing
    showing = Showing.objects.create(
        request=request,
        date=request.date_from,
        end_date=request.date_to if request.kind == ScreeningRequest.Kind.EXHIBITION else None,
        title=request.organisation_name,
        venue=request.venue_name,
        city=request.city,
        organisation=request.organisation,
        with_screening=request.kind == ScreeningRequest.Kind.SCREENING,
        with_exhibition=request.kind == ScreeningRequest.Kind.EXHIBITION,
        with_round_table=request.with_round_table,
        audience=request.expected_audience,
    )
    showing.films.set(request.films.all())
    return showing
