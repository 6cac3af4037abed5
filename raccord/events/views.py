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
from .forms import ChangeRegistrationForm, RegistrationForm
from .models import EventPage, Registration

# The page after a registration never says what happened (confirmed, waitlisted, or an address
# already registered): anyone may type anyone's address, so only the mail tells the outcome.
NEUTRAL_OUTCOME = "recue"


def _live_event(pk: int) -> EventPage:
    return get_object_or_404(EventPage.objects.live().select_related("venue"), pk=pk)


class RegisterView(PublicFormView):
    """The form lives on the event page (`{% registration_form %}`); this view takes its POST."""

    form_class = RegistrationForm
    template_name = "events/register_form.html"
    scope = "events.register"
    rate = "20/h"
    address_field = "email"
    address_rate = "5/h"
    neutral = True
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
        return reverse("events:registered", args=[self.event.pk, NEUTRAL_OUTCOME])


@require_GET
def registered(request, pk: int, outcome: str):
    event = _live_event(pk)
    if outcome != NEUTRAL_OUTCOME:
        raise Http404
    return render(request, "events/registered.html", {"event": event, "outcome": outcome})


class _FromManageLink:
    """Both forms of the page a registration's signed link opens: change it, or cancel it."""

    template_name = "events/manage.html"
    registration: Registration

    def dispatch(self, request, *args, token: str, **kwargs):
        try:
            self.registration = services.registration_from_token(token)
        except BadLink as exc:
            return render(request, "events/link_error.html", {"message": str(exc)}, status=400)
        self.token = token
        return super().dispatch(request, *args, token=token, **kwargs)

    def get(self, request, *args, **kwargs):
        return redirect(reverse("events:manage", args=[self.token]))

    def get_context_data(self, **context) -> dict:
        registration, event = self.registration, self.registration.event
        context.setdefault("form", ManageView.blank_form(registration=registration))
        context.setdefault("change_form", ChangeView.blank_form(registration=registration))
        return {
            "registration": registration,
            "event": event,
            "token": self.token,
            "done": self.request.GET.get("annulee") == "1"
            and registration.status == Registration.Status.CANCELLED,
            "changed": self.request.GET.get("modifiee") == "1",
            "when": services.when(event),
            "past": event.is_past(),
            **context,
        }

    def get_success_url(self, result) -> str:
        return reverse("events:manage", args=[self.token]) + self.done_query


@method_decorator(personal, name="dispatch")
class ManageView(_FromManageLink, PublicFormView):
    """A signed link from a mail: GET shows the page, only a POST cancels."""

    form_class = forms.Form
    scope = "events.manage"
    rate = "30/h"
    done_query = "?annulee=1"

    def get(self, request, *args, **kwargs):
        return PublicFormView.get(self, request, *args, **kwargs)

    def act(self, form) -> Registration:
        return services.cancel(self.registration)


@method_decorator(personal, name="dispatch")
class ChangeView(_FromManageLink, PublicFormView):
    """The owner changes their name, seats or answers; only their signed link leads here."""

    form_class = ChangeRegistrationForm
    scope = "events.change"
    rate = "30/h"
    errors = (services.RegistrationError,)
    done_query = "?modifiee=1"
    duplicate_window = 10  # a double click acts once; going back to earlier seats still works

    def get_form_kwargs(self) -> dict:
        registration = self.registration
        initial = {"name": registration.name, "seats": registration.seats}
        initial.update({f"q_{key}": value for key, value in (registration.answers or {}).items()})
        return {"event": registration.event, "initial": initial, "auto_id": "change_%s"}

    def get_context_data(self, **context) -> dict:
        if "form" in context:
            context["change_form"] = context.pop("form")
        return super().get_context_data(**context)

    def act(self, form) -> Registration:
        return services.change_registration(
            self.registration,
            name=form.cleaned_data["name"],
            seats=form.cleaned_data["seats"],
            answers=form.answers(),
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
