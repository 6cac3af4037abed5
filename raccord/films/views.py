"""Thin views: the venues' request form and the large view of a comic plate.

The work happens in services.py; the defences of the public form in core/public_forms.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse

from raccord.core.public_forms import PublicFormView, page_read_view

from . import services
from .forms import RequestForm
from .models import ExhibitionPage, FilmPage, ScreeningRequest


@dataclass(frozen=True)
class RequestKind:
    """What a request form says about its kind: the code it stores and what a venue reads."""

    code: str
    title: str
    lead: str


# The site's URLs are French (/diffusion/demande/projection/); the codes stored are English.
KINDS = {
    "projection": RequestKind(
        ScreeningRequest.Kind.SCREENING,
        "Demander une projection accompagnée",
        "Les deux courts-métrages projetés en présence de membres du collectif, "
        "suivis d’un échange ou d’une table ronde avec votre public.",
    ),
    "exposition": RequestKind(
        ScreeningRequest.Kind.EXHIBITION,
        "Accueillir l’exposition",
        "Les planches dessinées de la résidence, accrochées chez vous pour quelques jours "
        "ou quelques semaines.",
    ),
}


def _kind(slug: str) -> RequestKind:
    if slug not in KINDS:
        raise Http404
    return KINDS[slug]


def _source(request) -> str:
    """The page of the site the visitor came from, kept to know which pages bring requests."""
    referer = request.META.get("HTTP_REFERER", "")
    parts = urlsplit(referer)
    if parts.netloc and parts.netloc != request.get_host():
        return ""
    return parts.path[:300]


class RequestFormView(PublicFormView):
    """A venue asks for an accompanied screening or for the exhibition."""

    form_class = RequestForm
    template_name = "films/request_form.html"
    rate = "6/h"
    address_field = "email"  # the acknowledgement goes there
    address_rate = "6/h"  # a venue may ask for several dates or both kinds in one sitting
    errors = (services.RequestError,)

    def dispatch(self, request, *args, **kwargs):
        self.slug = kwargs["kind"]
        self.kind = _kind(self.slug)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self) -> dict:
        initial = {}
        film_slug = self.request.GET.get("film", "")
        if film_slug and self.kind.code == ScreeningRequest.Kind.SCREENING:
            film = FilmPage.objects.live().filter(slug=film_slug).first()
            if film is not None:
                initial["films"] = [film.pk]
        return {"kind": self.kind.code, "initial": initial}

    def get_context_data(self, **context) -> dict:
        exhibition = None
        if self.kind.code == ScreeningRequest.Kind.EXHIBITION:
            exhibition = ExhibitionPage.objects.live().only("title", "url_path").first()
        return {
            **context,
            "slug": self.slug,
            "title": self.kind.title,
            "lead": self.kind.lead,
            "exhibition": exhibition,
        }

    def act(self, form):
        return services.submit_request(
            kind=self.kind.code, source=_source(self.request), **form.service_fields()
        )

    def get_success_url(self, result) -> str:
        return reverse("films:request_sent", kwargs={"kind": self.slug})


def request_sent(request, kind: str):
    request_kind = _kind(kind)
    return render(
        request,
        "films/request_sent.html",
        {"title": request_kind.title, "lead": request_kind.lead},
    )


@page_read_view
def comic_plate(page: ExhibitionPage, request, number: int):
    """The large view of one plate: a plain page, so it works without JavaScript.

    Mounted under the exhibition page (`planche-<n>/`) by FilmsConfig.ready().
    """
    plates = page.plates_with_images()
    if not 1 <= number <= len(plates):
        raise Http404
    return render(
        request,
        "films/exhibition_plate.html",
        {
            "page": page,
            "plate": plates[number - 1],
            "previous": plates[number - 2] if number > 1 else None,
            "next": plates[number] if number < len(plates) else None,
            "count": len(plates),
        },
    )
