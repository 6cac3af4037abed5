"""What this app holds about a person, for export and erasure (see raccord.people.gdpr).

Only the requests a person sent are personal data here; the record of showings on /diffusion/
names organisations and cities, never people.
"""

from __future__ import annotations

from raccord.core.registry import GdprSection

from .models import FilmCredit, ScreeningRequest


def export(contact) -> dict:
    """Everything this app stores about `contact`; dates stay dates (core/exports.py formats them)."""
    requests = (
        ScreeningRequest.objects.for_contact(contact)
        .prefetch_related("films")
        .order_by("created_at")
    )
    credits = FilmCredit.objects.filter(contact=contact).select_related("film")
    return {
        "generique_des_films": [
            {"film": credit.film.title, "role": credit.role, "nom": credit.name}
            for credit in credits
        ],
        "demandes_de_diffusion": [
            {
                "demande": request.get_kind_display(),
                "etape": request.get_status_display(),
                "recue_le": request.created_at,
                "structure": request.organisation_name,
                "type_de_lieu": request.get_venue_kind_display(),
                "lieu": request.venue_name,
                "ville": request.city,
                "du": request.date_from,
                "au": request.date_to,
                "precisions_dates": request.dates_note,
                "public_attendu": request.expected_audience,
                "films": [film.title for film in request.films.all()],
                "avec_l_equipe": request.with_team,
                "table_ronde": request.with_round_table,
                "sujets": request.topics,
                "budget": request.get_budget_display(),
                "montant": request.budget_amount,
                "technique": request.technical_setup,
                "accessibilite": request.accessibility,
                "message": request.message,
                "nom": request.contact_name,
                "telephone": request.phone,
                "piece_jointe": bool(request.attachment),
            }
            for request in requests
        ],
    }


def erase(contact) -> None:
    """Remove the person from their requests; the requests stay, anonymous, so counts hold.

    A film's credits are public and belong to the film: the line stays, unlinked from the person.
    """
    FilmCredit.objects.filter(contact=contact).update(contact=None)
    for request in ScreeningRequest.objects.for_contact(contact):
        if request.attachment:
            request.attachment.delete(save=False)
        request.contact = None
        request.contact_name = ""
        request.phone = ""
        request.message = ""
        request.topics = ""
        request.accessibility = ""
        request.technical_setup = ""
        request.dates_note = ""
        request.source = ""
        request.fingerprint = ""
        request.save()
        request.activity.all().update(text="")


SECTION = GdprSection("films", "Films et diffusion", export=export, erase=erase)
