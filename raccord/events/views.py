"""Public views: register, manage a registration from its signed link, calendars, seats, API.

Thin on purpose: the rules live in services.py.
"""

from __future__ import annotations

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET, require_http_methods

from raccord.core.protection import public_form
from raccord.core.signed_links import BadLink

from . import calendars, services
from .forms import REGISTRATION_WORDING, ConfirmForm, RegistrationForm
from .models import EventPage, Registration


def _live_event(pk: int) -> EventPage:
    return get_object_or_404(EventPage.objects.live().select_related("venue"), pk=pk)


@require_http_methods(["GET", "HEAD", "POST"])
@public_form("events.register", limit=20, period=3600)
def register(request, pk: int):
    """The form lives on the event page; this view takes its POST and shows errors again."""
    event = _live_event(pk)
    if request.method != "POST":
        return redirect(event.get_url(request) + "#inscription")
    form = RegistrationForm(request.POST, event=event)
    error = None
    if form.is_valid():
        try:
            registration = services.register(
                event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                seats=form.cleaned_data["seats"],
                answers=form.answers(),
                newsletter=form.cleaned_data["newsletter"],
            )
        except services.RegistrationError as exc:
            error = str(exc)
        else:
            outcome = (
                "confirmee"
                if registration.status == Registration.Status.CONFIRMED
                else "liste-d-attente"
            )
            return redirect("events:registered", pk=event.pk, outcome=outcome)
    elif form.caught_by_honeypot:
        # Same answer as a success, nothing stored: a bot learns nothing.
        return redirect("events:registered", pk=event.pk, outcome="confirmee")
    return render(
        request,
        "events/register_form.html",
        {
            "event": event,
            "form": form,
            "error": error,
            "state": event.registration_state(),
            "registration_wording": REGISTRATION_WORDING,
        },
        status=400,
    )


@require_GET
def registered(request, pk: int, outcome: str):
    event = _live_event(pk)
    if outcome not in ("confirmee", "liste-d-attente"):
        raise Http404
    return render(request, "events/registered.html", {"event": event, "outcome": outcome})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@public_form("events.manage", limit=30, period=3600)
def manage(request, token: str):
    """A signed link from a mail: GET shows a confirm button, only the POST cancels."""
    try:
        registration = services.registration_from_token(token)
    except BadLink as exc:
        return render(request, "events/link_error.html", {"message": str(exc)}, status=400)
    event = registration.event
    done = False
    if request.method == "POST" and ConfirmForm(request.POST).is_valid():
        registration = services.cancel(registration)
        done = True
    return render(
        request,
        "events/manage.html",
        {
            "registration": registration,
            "event": event,
            "done": done,
            "when": services.when(event),
            "past": event.is_past(),
        },
    )


@require_GET
@cache_control(max_age=5, public=True)
def places(request, pk: int):
    """Live seat count for cached event pages (events.js refreshes `.seat-count` with it)."""
    event = _live_event(pk)
    remaining = event.remaining_seats()
    return JsonResponse(
        {
            "id": event.pk,
            "capacity": event.capacity,
            "remaining_seats": remaining,
            "registration_open": event.registration_is_open(),
            "label": seat_label(event, remaining),
        }
    )


def seat_label(event: EventPage, remaining: int | None) -> str:
    if not event.registration_enabled:
        return "Entrée libre, sans inscription"
    if remaining is None:
        return "Places sans limite"
    if remaining == 0:
        return "Complet : inscription en liste d’attente"
    return f"{remaining} place{'s' if remaining > 1 else ''} restante{'s' if remaining > 1 else ''}"


def _ics_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def event_ics(request, pk: int):
    event = _live_event(pk)
    return _ics_response(calendars.event_ics(event), f"{event.slug}.ics")


@require_GET
def agenda_ics(request):
    events = EventPage.objects.upcoming().select_related("venue")
    response = HttpResponse(
        calendars.agenda_ics(events), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'inline; filename="soirees-on-est-raccord.ics"'
    return response


@require_GET
def api_events(request):
    """Upcoming events for partners' sites: read-only, open to other origins."""
    events = list(EventPage.objects.upcoming().select_related("venue"))
    remaining = EventPage.remaining_seats_for(events)
    results = []
    for event in events:
        venue = event.venue
        results.append(
            {
                "id": event.pk,
                "title": event.title,
                "url": event.get_full_url(request),
                "kind": event.kind,
                "start": event.start.isoformat(),
                "end": event.end.isoformat(),
                "venue": (
                    {
                        "name": venue.name,
                        "address": venue.address,
                        "postcode": venue.postcode,
                        "city": venue.city,
                    }
                    if venue
                    else None
                ),
                "capacity": event.capacity,
                "remaining_seats": remaining.get(event.pk),
                "registration_open": event.registration_is_open(),
                "ics": request.build_absolute_uri(reverse("events:event_ics", args=[event.pk])),
            }
        )
    response = JsonResponse(
        {"count": len(results), "results": results}, json_dumps_params={"ensure_ascii": False}
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    return response
