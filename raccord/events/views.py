"""Public views: register, manage a registration from its signed link, calendars, seats, API.

Thin on purpose: the rules live in services.py; both forms go through the public-form pipeline
(core/public_forms.py), which owns honeypot, ALTCHA, rate limits, double submits and answers.
"""

from __future__ import annotations

from django import forms
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from raccord.core.page_cache import personal
from raccord.core.public_forms import PublicFormView
from raccord.core.signed_links import BadLink

from . import calendars, services
from .forms import RegistrationForm
from .models import EventPage, Registration

# What the page after a registration says; "recue" when the pipeline answered without acting
# (a second click of the same form, a bot): the mail tells the outcome.
OUTCOMES = {
    Registration.Status.CONFIRMED: "confirmee",
    Registration.Status.WAITLISTED: "liste-d-attente",
    None: "recue",
}


def _live_event(pk: int) -> EventPage:
    return get_object_or_404(EventPage.objects.live().select_related("venue"), pk=pk)


class RegisterView(PublicFormView):
    """The form lives on the event page (`{% registration_form %}`); this view takes its POST."""

    form_class = RegistrationForm
    template_name = "events/register_form.html"
    scope = "events.register"
    rate = "20/h"
    errors = (services.RegistrationError,)

    event: EventPage

    def dispatch(self, request, *args, pk: int, **kwargs):
        self.event = _live_event(pk)
        return super().dispatch(request, *args, pk=pk, **kwargs)

    def get(self, request, *args, **kwargs):
        return redirect(self.event.get_url(request) + "#inscription")

    def get_form_kwargs(self) -> dict:
        return {"event": self.event}

    def get_context_data(self, **context) -> dict:
        return {
            "event": self.event,
            "state": self.event.registration_state(),
            "registration_wording": services.REGISTRATION_WORDING,
            **context,
        }

    def act(self, form) -> Registration:
        return services.register(
            self.event,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            seats=form.cleaned_data["seats"],
            answers=form.answers(),
            newsletter=form.cleaned_data["newsletter"],
        )

    def get_success_url(self, registration: Registration | None) -> str:
        outcome = OUTCOMES[registration.status if registration else None]
        return reverse("events:registered", args=[self.event.pk, outcome])


@require_GET
def registered(request, pk: int, outcome: str):
    event = _live_event(pk)
    if outcome not in OUTCOMES.values():
        raise Http404
    return render(request, "events/registered.html", {"event": event, "outcome": outcome})


@method_decorator(personal, name="dispatch")
class ManageView(PublicFormView):
    """A signed link from a mail: GET shows a button, only the POST cancels."""

    form_class = forms.Form
    template_name = "events/manage.html"
    scope = "events.manage"
    rate = "30/h"

    registration: Registration

    def dispatch(self, request, *args, token: str, **kwargs):
        try:
            self.registration = services.registration_from_token(token)
        except BadLink as exc:
            return render(request, "events/link_error.html", {"message": str(exc)}, status=400)
        return super().dispatch(request, *args, token=token, **kwargs)

    def get_context_data(self, **context) -> dict:
        registration, event = self.registration, self.registration.event
        return {
            "registration": registration,
            "event": event,
            "done": self.request.GET.get("annulee") == "1"
            and registration.status == Registration.Status.CANCELLED,
            "when": services.when(event),
            "past": event.is_past(),
            **context,
        }

    def act(self, form) -> Registration:
        return services.cancel(self.registration)

    def get_success_url(self, result) -> str:
        return f"{self.request.path}?annulee=1"


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
