"""What residencies hold about a person: applications, crew positions; export and erasure.

Erasure anonymises applications instead of deleting them, so a call's figures (how many
applied, for which roles, how many were retained) stay right; everything that could point back
to the person goes, including reviewers' comments about them.
"""

from django.utils import timezone

from raccord.core.registry import GdprSection


def export(contact) -> dict:
    """Everything this app stores about `contact`, as JSON-ready data."""
    from .models import DIVERSITY_QUESTIONS

    applications = contact.residency_applications.select_related(
        "call__residency"
    ).prefetch_related("roles", "crew_positions__crew")
    items = []
    for a in applications:
        diversity = {
            DIVERSITY_QUESTIONS[key][0]: dict(DIVERSITY_QUESTIONS[key][1]).get(value, value)
            for key, value in a.diversity.items()
            if key in DIVERSITY_QUESTIONS
        }
        items.append(
            {
                "residence": a.call.residency.title,
                "appel": a.call.title,
                "recue_le": a.created_at,
                "mise_a_jour_le": a.updated_at,
                "nom": a.name,
                "pronoms": a.pronouns,
                "roles_souhaites": a.role_labels,
                "experience": a.experience,
                "liens": a.links,
                "motivation": a.motivation,
                "disponibilites": a.availability,
                "arrivee": a.arrival_date,
                "depart": a.departure_date,
                "besoins_d_accessibilite": a.accessibility_needs,
                "regime_alimentaire": a.get_diet_display(),
                "allergies_et_precisions": a.dietary_notes,
                "statistiques_de_diversite_acceptees": a.diversity_consent,
                "auto_description": diversity,
                "decision": a.get_status_display(),
                "decidee_le": a.decided_at,
                "postes_en_equipe": [
                    {"film": m.crew.film_title, "poste": m.get_position_display()}
                    for m in a.crew_positions.all()
                ],
            }
        )
    return {"candidatures_aux_residences": items} if items else {}


def erase(contact) -> None:
    """Anonymise this person's applications; keep the counts (roles, decisions) right."""
    from .models import Application, Opinion

    applications = Application.objects.filter(contact=contact)
    Opinion.objects.filter(application__in=applications).update(comment="")
    applications.update(
        contact=None,
        name="",
        pronouns="",
        experience="",
        links="",
        motivation="",
        availability="",
        arrival_date=None,
        departure_date=None,
        accessibility_needs="",
        dietary_notes="",
        diversity={},
        diversity_consent=False,
        anonymised_at=timezone.now(),
    )


SECTION = GdprSection("residencies", "Résidences", export=export, erase=erase)
