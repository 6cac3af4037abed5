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
from wagtail.admin.views import generic
from wagtail.admin.widgets import Button
from wagtail.admin.widgets.button import MenuItem

from raccord.core.admin_display import ReadableInspectView, readable

from . import services
from .forms import CancelRegistrationForm, WriteToRegistrantsForm
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


# Registrations in the admin: read, correct a name or an answer, cancel; never delete ------------

CANCEL_LABEL = "Annuler cette inscription"


def cancel_url(registration: Registration) -> str | None:
    if registration.status == Registration.Status.CANCELLED:
        return None
    return reverse("registrations:cancel", args=[registration.pk])


def _cancel_button(registration: Registration) -> list[Button]:
    url = cancel_url(registration)
    return [Button(CANCEL_LABEL, url=url, icon_name="cross", priority=15)] if url else []


class RegistrationIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if url := cancel_url(instance):
            buttons.append(MenuItem(CANCEL_LABEL, url=url, icon_name="cross", priority=15))
        return buttons


class RegistrationEditView(generic.EditView):
    @property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *_cancel_button(self.object)]


class RegistrationInspectView(ReadableInspectView):
    """Each answer under its question's label, Oui/Non, Paris time, and the cancel action."""

    @property
    def header_more_buttons(self):
        return [*super().header_more_buttons, *_cancel_button(self.object)]

    def get_fields_context(self):
        fields = []
        for name in self.fields:
            if name != "answers":
                fields.append(self.get_context_for_field(name))
                continue
            items = self.object.answer_items
            if not items:
                fields.append({"label": "Réponses", "value": readable(""), "component": None})
            for label, value in items:
                fields.append({"label": label, "value": value, "component": None})
        return fields


@require_http_methods(["GET", "POST"])
def cancel_registration(request, pk: int):
    """The team cancels a registration: seats freed, waitlist promoted, as from the person's link."""
    _require(request)
    registration = get_object_or_404(Registration.objects.select_related("event"), pk=pk)
    inspect_url = reverse("registrations:inspect", args=[registration.pk])
    if registration.status == Registration.Status.CANCELLED:
        messages.info(request, "Cette inscription est déjà annulée.")
        return redirect(inspect_url)
    form = CancelRegistrationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.cancel(
                registration,
                reason=form.cleaned_data["reason"],
                notify=form.cleaned_data["notify"],
                by_team=True,
            )
        except services.RegistrationError as error:
            form.add_error(None, str(error))
        else:
            who = registration.name or "La personne"
            messages.success(
                request,
                f"Inscription de {who} annulée ; les places libérées vont à la liste d’attente.",
            )
            return redirect(inspect_url)
    return TemplateResponse(
        request,
        "events/admin/cancel.html",
        {
            "page_title": CANCEL_LABEL,
            "header_icon": "cross",
            "registration": registration,
            "event": registration.event,
            "form": form,
            "inspect_url": inspect_url,
            "waiting": Registration.objects.filter(event=registration.event).waitlisted().count(),
        },
        status=400 if form.errors else 200,
    )
