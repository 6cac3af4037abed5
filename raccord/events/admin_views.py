"""Back-office views for the team: the soirées desk, the check-in at the door, writing to all.

Thin views over services.py; every POST goes through Wagtail admin's CSRF protection.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from . import services
from .forms import WriteToRegistrantsForm
from .models import EventPage, Registration

PERMISSION = "events.change_registration"


def _require(request) -> None:
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied


def overview(request):
    """Each soirée with its counts and fill rate, upcoming first."""
    _require(request)
    now = timezone.now()
    events = list(EventPage.objects.all().select_related("venue").order_by("-start"))
    upcoming = sorted((e for e in events if e.end >= now), key=lambda e: e.start)
    past = [e for e in events if e.end < now]
    rows = [(event, services.counts(event)) for event in [*upcoming, *past]]
    return TemplateResponse(
        request,
        "events/admin/overview.html",
        {
            "page_title": "Soirées",
            "header_icon": "date",
            "rows": rows,
            "now": now,
            "registrations_url": reverse("registrations:index"),
        },
    )


def detail(request, pk: int):
    _require(request)
    event = get_object_or_404(EventPage.objects.select_related("venue"), pk=pk)
    registrations = (
        Registration.objects.filter(event=event)
        .select_related("event")
        .order_by("status", "waitlisted_at", "created_at")
    )
    return TemplateResponse(
        request,
        "events/admin/detail.html",
        {
            "page_title": event.title,
            "header_icon": "date",
            "event": event,
            "counts": services.counts(event),
            "registrations": registrations,
            "registrations_url": reverse("registrations:index") + f"?event={event.pk}",
            "export_url": reverse("registrations:index") + f"?event={event.pk}&export=csv",
        },
    )


@require_http_methods(["GET", "POST"])
def checkin(request, pk: int):
    """At the door, on a phone: search a name, one tap marks present (or undoes it)."""
    _require(request)
    event = get_object_or_404(EventPage, pk=pk)
    query = (request.GET.get("q") or request.POST.get("q") or "").strip()
    if request.method == "POST":
        registration = get_object_or_404(
            Registration, pk=request.POST.get("registration"), event=event
        )
        present = request.POST.get("present") == "1"
        try:
            services.mark_present(registration, present=present)
        except services.RegistrationError as error:
            messages.error(request, str(error))
        else:
            who = registration.name or "La personne"
            messages.success(
                request, f"{who} : arrivée notée." if present else f"{who} : arrivée retirée."
            )
        url = reverse("soirees:checkin", args=[event.pk])
        return redirect(f"{url}?q={query}" if query else url)
    registrations = Registration.objects.filter(
        event=event, status__in=[Registration.Status.CONFIRMED, Registration.Status.WAITLISTED]
    ).order_by("name")
    if query:
        registrations = registrations.filter(Q(name__icontains=query) | Q(email__icontains=query))
    return TemplateResponse(
        request,
        "events/admin/checkin.html",
        {
            "page_title": f"Accueil : {event.title}",
            "header_icon": "tick",
            "event": event,
            "registrations": registrations,
            "query": query,
            "counts": services.counts(event),
        },
    )


@require_http_methods(["GET", "POST"])
def write(request, pk: int):
    """One message to every registrant of a soirée, each mail carrying its own cancel link."""
    _require(request)
    event = get_object_or_404(EventPage, pk=pk)
    form = WriteToRegistrantsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            count = services.write_to_registrants(
                event,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                audience=form.cleaned_data["audience"],
            )
        except services.RegistrationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, f"Message envoyé à {count} personne{'s' if count > 1 else ''}."
            )
            return redirect("soirees:detail", pk=event.pk)
    return TemplateResponse(
        request,
        "events/admin/write.html",
        {
            "page_title": f"Écrire aux inscrit·es : {event.title}",
            "header_icon": "mail",
            "event": event,
            "form": form,
            "counts": services.counts(event),
        },
    )
