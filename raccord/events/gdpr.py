"""What this app holds about a person, for export and erasure (see raccord.people.gdpr)."""

from django.db.models import Q
from django.utils import timezone

from raccord.core.registry import GdprSection


def _registrations(contact):
    from .models import Registration

    return Registration.objects.filter(
        Q(contact=contact) | Q(email=contact.email), anonymised_at__isnull=True
    ).select_related("event")


def export(contact) -> dict:
    """Everything this app stores about `contact`; dates stay dates (core/exports.py formats them)."""
    return {
        "inscriptions_aux_soirees": [
            {
                "soiree": r.event.title,
                "date": r.event.start,
                "nom": r.name,
                "email": r.email,
                "places": r.seats,
                "etat": r.get_status_display(),
                "reponses": r.answers,
                "infolettre_demandee": r.newsletter_opt_in,
                "inscrit_le": r.created_at,
                "present_e": r.present_at,
            }
            for r in _registrations(contact)
        ]
    }


def erase(contact) -> None:
    """Anonymise this person's registrations: seats and counts stay, the person goes.

    An upcoming confirmed registration is cancelled first so its seats go to the waitlist.
    """
    from .models import Registration
    from .services import cancel

    now = timezone.now()
    for registration in _registrations(contact):
        if registration.status != Registration.Status.CANCELLED and registration.event.end > now:
            cancel(registration, notify=False)
    _registrations(contact).update(
        name="", email="", contact=None, answers={}, anonymised_at=now, updated_at=now
    )


SECTION = GdprSection("events", "Soirées", export=export, erase=erase)
