"""What the admin home shows volunteers: new requests of every kind, next soirées.

Follow-ups due are partners' panel (partners/wagtail_hooks.py).

Other apps' models are looked up by name at request time (`apps.get_model` inside
try/except), so the home page never breaks when an app is absent or renamed. An app can add
its own request source with `register_request_source(...)` from its `wagtail_hooks.py`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import DatabaseError
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

logger = logging.getLogger(__name__)

NEW_STATUS_VALUES = ("new", "received", "submitted", "pending")
DATE_FIELDS = ("created_at", "submitted_at", "received_at", "created")
RECENT_DAYS = 30


@dataclass
class RequestSource:
    """One kind of request arriving from the public site (screenings, partnerships…)."""

    label: str
    model: str  # "app_label.ModelName"
    url_names: tuple[str, ...] = ()  # admin listing, first that resolves wins
    is_new: Callable | None = None  # queryset -> queryset of the ones still to handle
    describe: Callable | None = None  # instance -> one line for the panel

    def get_model(self):
        try:
            return apps.get_model(self.model)
        except (LookupError, ValueError):
            return None

    def new_items(self):
        model = self.get_model()
        if model is None:
            return None
        qs = model._default_manager.all()
        if self.is_new is not None:
            return self.is_new(qs)
        return _guess_new(model, qs)

    def admin_url(self) -> str | None:
        model = self.get_model()
        names = list(self.url_names)
        if model is not None:
            meta = model._meta
            names += [
                f"{meta.model_name}:index",
                f"wagtailsnippets_{meta.app_label}_{meta.model_name}:list",
            ]
        for name in names:
            try:
                return reverse(name)
            except NoReverseMatch:
                continue
        return None


def _field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def date_field(model) -> str | None:
    return next((name for name in DATE_FIELDS if _field(model, name)), None)


def _guess_new(model, qs):
    """Still to handle: status 'new' when the model has one; otherwise received this month."""
    status = _field(model, "status")
    if status is not None and status.choices:
        values = [value for value, _ in status.choices if str(value).lower() in NEW_STATUS_VALUES]
        if values:
            return qs.filter(status__in=values)
    for flag in ("handled_at", "processed_at", "answered_at", "read_at"):
        if _field(model, flag):
            return qs.filter(**{f"{flag}__isnull": True})
    name = date_field(model)
    if name:
        return qs.filter(**{f"{name}__gte": timezone.now() - timedelta(days=RECENT_DAYS)})
    return qs.none()


_sources: list[RequestSource] = [
    RequestSource(
        "Demandes de projection et d’exposition",
        "films.ScreeningRequest",
        url_names=("films_requests:index",),
    ),
    RequestSource("Demandes de partenariat", "partners.PartnershipInquiry"),
    RequestSource("Demandes de formation et d’accompagnement", "partners.CoachingRequest"),
    RequestSource("Messages reçus", "people.ContactMessage", url_names=("contact_messages:index",)),
    RequestSource(
        "Candidatures aux résidences",
        "residencies.Application",
        url_names=("residences_candidatures:index",),
    ),
]


def register_request_source(source: RequestSource) -> None:
    """Let an app show its own requests on the admin home (replaces one with the same model)."""
    global _sources
    _sources = [s for s in _sources if s.model != source.model] + [source]


def request_sources() -> list[RequestSource]:
    return list(_sources)


def new_requests(limit: int = 5) -> list[dict]:
    """For each known kind of request: how many are new, and the latest few."""
    rows = []
    for source in _sources:
        try:
            qs = source.new_items()
            if qs is None:
                continue
            model = qs.model
            order = date_field(model)
            ordered = qs.order_by(f"-{order}", "-pk") if order else qs.order_by("-pk")
            latest = list(ordered[:limit])
            count = qs.count() if len(latest) == limit else len(latest)
        except DatabaseError:  # a table not migrated yet must not break the admin home
            logger.warning("request source %s unavailable", source.model, exc_info=True)
            continue
        rows.append(
            {
                "label": source.label,
                "count": count,
                "items": [
                    {
                        "text": source.describe(item) if source.describe else str(item),
                        "date": getattr(item, order, None) if order else None,
                    }
                    for item in latest
                ],
                "url": source.admin_url(),
            }
        )
    return rows


def next_soirees(limit: int = 3) -> list[dict]:
    """Upcoming soirées with seats taken and fill rate; empty when the events app is absent."""
    try:
        EventPage = apps.get_model("events", "EventPage")
    except LookupError:
        return []
    try:
        manager = EventPage.objects
        qs = manager.upcoming() if hasattr(manager, "upcoming") else manager.live()
        events = list(qs[:limit])
        remaining = (
            EventPage.remaining_seats_for(events)
            if hasattr(EventPage, "remaining_seats_for")
            else {}
        )
    except (DatabaseError, FieldDoesNotExist):
        logger.warning("events unavailable for the admin home", exc_info=True)
        return []
    rows = []
    for event in events:
        capacity = getattr(event, "capacity", None)
        left = remaining.get(event.pk) if remaining else None
        taken = capacity - left if capacity is not None and left is not None else None
        if taken is None and hasattr(event, "confirmed_seats"):
            taken = event.confirmed_seats()
        rate = round(100 * taken / capacity) if capacity and taken is not None else None
        rows.append(
            {
                "event": event,
                "start": getattr(event, "start", None),
                "capacity": capacity,
                "taken": taken,
                "rate": rate,
                "edit_url": reverse("wagtailadmin_pages:edit", args=[event.pk]),
            }
        )
    return rows
