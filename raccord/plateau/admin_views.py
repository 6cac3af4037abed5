"""Back-office pages for team volunteers: invite a crew, resend an invitation, withdraw access.

A residency crew opens its production here in one action (`open_residency_crew`), from the
residency's crews page (the `residency_crew_actions` hook) or from the list below.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from . import services
from .models import CrewMember, Production


class InviteForm(forms.Form):
    name = forms.CharField(label="Nom", max_length=200)
    email = forms.EmailField(label="Adresse e-mail")
    role = forms.ChoiceField(label="Rôle", choices=CrewMember.Role.choices)
    position = forms.CharField(label="Poste", max_length=120, required=False)


def _check(request):
    if not request.user.has_perm("plateau.change_crewmember"):
        raise PermissionDenied


def index(request):
    _check(request)
    from raccord.residencies.models import Crew

    productions = Production.objects.filter(archived=False)
    waiting = Crew.objects.filter(plateau_production__isnull=True).select_related("residency")
    return TemplateResponse(
        request,
        "plateau/admin/index.html",
        {
            "productions": productions,
            "residency_crews": waiting.order_by("residency__title", "film_title"),
            "can_open": request.user.has_perm("plateau.add_production"),
            "page_title": "Équipes et invitations",
        },
    )


def crew(request, pk):
    _check(request)
    production = get_object_or_404(Production, pk=pk)
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.invite(production, **form.cleaned_data)
        except services.PlateauError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, f"Invitation envoyée à {member.contact.email}.")
            return redirect("plateau_crews:crew", production.pk)
    members = production.members.select_related("contact").order_by("status", "contact__name")
    return TemplateResponse(
        request,
        "plateau/admin/crew.html",
        {
            "production": production,
            "members": members,
            "form": form,
            "to_invite": services.people_to_invite(production),
            "parity": services.parity_panel(production),
            "pay": services.pay_table(production),
            "page_title": f"Équipe de {production.title}",
        },
    )


@require_POST
def resend(request, pk):
    _check(request)
    member = get_object_or_404(CrewMember, pk=pk)
    if member.status == CrewMember.Status.ACTIVE:
        messages.error(request, "Cette personne a déjà rejoint l’espace.")
    else:
        services.invite(
            member.production,
            email=member.contact.email,
            name=member.contact.name,
            role=member.role,
            position=member.position,
        )
        messages.success(request, f"Invitation renvoyée à {member.contact.email}.")
    return redirect(reverse("plateau_crews:crew", args=[member.production_id]))


@require_POST
def revoke(request, pk):
    _check(request)
    member = get_object_or_404(CrewMember, pk=pk)
    services.revoke(member)
    messages.success(request, f"L’accès de {member.display_name} est retiré.")
    return redirect(reverse("plateau_crews:crew", args=[member.production_id]))


@require_POST
def open_residency_crew(request, pk):
    """Open the residency crew's production and invite its people; again: invite newcomers."""
    _check(request)
    if not request.user.has_perm("plateau.add_production"):
        raise PermissionDenied
    from raccord.residencies.models import Crew

    crew = get_object_or_404(Crew, pk=pk)
    opening = services.open_production_for_crew(crew)
    messages.success(request, opening.summary())
    return redirect("plateau_crews:crew", opening.production.pk)
