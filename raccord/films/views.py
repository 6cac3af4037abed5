"""Thin views for the public request forms; the work happens in services.py."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.http import Http404
from django.shortcuts import redirect, render

from raccord.core.protection import public_form

from . import services
from .forms import RequestForm
from .models import ExhibitionPage, FilmPage, ScreeningRequest

KINDS = {
    ScreeningRequest.Kind.SCREENING: {
        "title": "Demander une projection accompagnée",
        "lead": "Les deux courts-métrages projetés en présence de membres du collectif, "
        "suivis d’un échange ou d’une table ronde avec votre public.",
    },
    ScreeningRequest.Kind.EXHIBITION: {
        "title": "Accueillir l’exposition",
        "lead": "Les planches dessinées de la résidence, accrochées chez vous pour quelques jours "
        "ou quelques semaines.",
    },
}


def _source(request) -> str:
    """The page of the site the visitor came from, kept to know which pages bring requests."""
    referer = request.META.get("HTTP_REFERER", "")
    parts = urlsplit(referer)
    if parts.netloc and parts.netloc != request.get_host():
        return ""
    return parts.path[:300]


@public_form("films-request", limit=6, period=3600)
def request_form(request, kind: str):
    if kind not in KINDS:
        raise Http404
    if request.method == "POST":
        form = RequestForm(request.POST, request.FILES, kind=kind)
        if form.is_valid():
            try:
                services.submit_request(kind=kind, source=_source(request), **form.service_fields())
            except services.RequestError as error:
                form.add_error(None, str(error))
            else:
                return redirect("films:request_sent", kind=kind)
        elif form.caught_by_honeypot:
            return redirect("films:request_sent", kind=kind)  # same answer, nothing stored
    else:
        initial = {}
        slug = request.GET.get("film", "")
        if slug and kind == ScreeningRequest.Kind.SCREENING:
            film = FilmPage.objects.live().filter(slug=slug).first()
            if film is not None:
                initial["films"] = [film.pk]
        form = RequestForm(initial=initial, kind=kind)
    context = {
        "form": form,
        "kind": kind,
        **KINDS[kind],
        "exhibition": ExhibitionPage.objects.live().only("title", "url_path").first()
        if kind == ScreeningRequest.Kind.EXHIBITION
        else None,
    }
    return render(request, "films/request_form.html", context)


def request_sent(request, kind: str):
    if kind not in KINDS:
        raise Http404
    return render(request, "films/request_sent.html", {"kind": kind, **KINDS[kind]})
