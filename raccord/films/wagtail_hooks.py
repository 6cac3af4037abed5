"""Admin wiring: one "Diffusion" menu with the requests pipeline and the record of showings."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from raccord.core.admin_exports import FrenchExports

from . import services
from .models import ScreeningRequest, Showing

# What a request holds, in the order the team reads it: the edit form and the follow-up page.
# The step is not there: it changes only through the follow-up page (services.move_request).
REQUEST_FIELDS = [
    "kind",
    "organisation_name",
    "organisation",
    "venue_kind",
    "venue_name",
    "city",
    "date_from",
    "date_to",
    "dates_note",
    "expected_audience",
    "films",
    "with_team",
    "with_round_table",
    "topics",
    "budget",
    "budget_amount",
    "technical_setup",
    "accessibility",
    "message",
    "contact",
    "contact_name",
    "phone",
    "followed_by",
]


class RequestFollowUpView(InspectView):
    """The request, its journal and the buttons to move it along: the team's working page."""

    template_name = "films/admin/request_inspect.html"
    page_title = "Suivi"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request_obj = self.object
        context.update(
            request_obj=request_obj,
            activity=request_obj.activity.select_related("by"),
            moves=services.allowed_moves(request_obj),
            team=get_user_model()
            .objects.filter(is_active=True)
            .filter(Q(is_superuser=True) | Q(is_staff=True) | Q(groups__isnull=False))
            .distinct()
            .order_by("first_name", "username"),
            act_url=reverse("films_requests:act", args=[request_obj.pk]),
            attachment_url=reverse("films_requests:attachment", args=[request_obj.pk])
            if request_obj.attachment
            else "",
            event_edit_url=reverse("wagtailadmin_pages:edit", args=[request_obj.event_id])
            if request_obj.event_id
            else "",
        )
        return context


def _check(request, viewset, action: str) -> None:
    if not viewset.permission_policy.user_has_permission(request.user, action):
        raise PermissionDenied


@require_POST
def act(request, pk):
    """One POST per action (move, note, assign); the services do the work and say what failed."""
    _check(request, request_viewset, "change")
    request_obj = get_object_or_404(ScreeningRequest, pk=pk)
    action = request.POST.get("action")
    try:
        if action == "move":
            services.move_request(
                request_obj,
                request.POST.get("to", ""),
                by=request.user,
                note=request.POST.get("note", ""),
            )
            request_obj.refresh_from_db()
            messages.success(
                request, f"Demande passée à l’étape « {request_obj.get_status_display()} »."
            )
        elif action == "note":
            services.add_note(request_obj, request.POST.get("note", ""), by=request.user)
            messages.success(request, "Note ajoutée.")
        elif action == "assign":
            user_id = request.POST.get("user") or None
            user = get_object_or_404(get_user_model(), pk=user_id) if user_id else None
            services.assign(request_obj, user, by=request.user)
            messages.success(request, "Suivi mis à jour.")
        else:
            messages.error(request, "Action inconnue.")
    except services.RequestError as error:
        messages.error(request, str(error))
    return redirect("films_requests:inspect", pk)


def attachment(request, pk):
    """Files sent by venues are private: only people allowed to see requests download them."""
    _check(request, request_viewset, "view")
    request_obj = get_object_or_404(ScreeningRequest, pk=pk)
    if not request_obj.attachment:
        raise Http404
    name = Path(request_obj.attachment.name).name
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(
        request_obj.attachment.open("rb"),
        as_attachment=True,
        filename=name,
        content_type=content_type,
    )


class ScreeningRequestViewSet(FrenchExports, ModelViewSet):
    model = ScreeningRequest
    name = "films_requests"
    url_prefix = "diffusion/demandes"
    menu_label = "Demandes des lieux"
    icon = "mail"
    inspect_view_enabled = True
    inspect_view_class = RequestFollowUpView
    copy_view_enabled = False
    list_display = ["__str__", "status", "date_from", "followed_by", "created_at"]
    list_filter = ["status", "kind", "venue_kind", "followed_by"]
    search_fields = ["organisation_name", "city", "contact_name", "contact__email"]
    search_backend_name = None
    # Choices are exported by their French label: the stored codes are English.
    export_headings = {
        "get_kind_display": "Demande",
        "get_status_display": "Étape",
        "organisation_name": "Structure",
        "get_venue_kind_display": "Type de lieu",
        "city": "Ville",
        "date_from": "Du",
        "date_to": "Au",
        "expected_audience": "Public attendu",
        "get_budget_display": "Budget",
        "budget_amount": "Montant",
        "contact_name": "Contact",
        "email": "E-mail",
        "phone": "Téléphone",
        "created_at": "Reçue le",
    }
    list_export = list(export_headings)
    export_filename = "demandes-diffusion"
    inspect_view_fields = ["status", *REQUEST_FIELDS, "event", "source", "created_at"]
    form_fields = REQUEST_FIELDS

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("act/<int:pk>/", act, name="act"),
            path("piece-jointe/<int:pk>/", attachment, name="attachment"),
        ]


class ShowingViewSet(FrenchExports, ModelViewSet):
    model = Showing
    name = "films_showings"
    url_prefix = "diffusion/realisees"
    menu_label = "Diffusions réalisées"
    icon = "date"
    copy_view_enabled = False
    list_display = ["title", "date", "city", "audience", "is_public"]
    list_filter = ["with_screening", "with_exhibition", "is_public", "city"]
    search_fields = ["title", "city", "venue"]
    search_backend_name = None
    list_export = [
        "date",
        "title",
        "venue",
        "city",
        "audience",
        "with_screening",
        "with_exhibition",
    ]
    form_fields = [
        "date",
        "end_date",
        "title",
        "venue",
        "city",
        "organisation",
        "with_screening",
        "with_exhibition",
        "with_round_table",
        "films",
        "audience",
        "is_public",
        "note",
    ]


request_viewset = ScreeningRequestViewSet()


class DiffusionGroup(ModelViewSetGroup):
    menu_label = "Diffusion"
    menu_icon = "media"
    menu_order = 220
    items = (request_viewset, ShowingViewSet())


@hooks.register("register_admin_viewset")
def register_diffusion():
    return DiffusionGroup()
