"""What the partners app holds about a person: inquiries, coaching requests, exchanges."""

from django.db.models import Q

from raccord.core.registry import GdprSection


def export(contact) -> dict:
    from .models import CoachingRequest, Interaction, PartnershipInquiry

    return {
        "demandes_de_partenariat": [
            {
                "recue_le": inquiry.created_at,
                "organisation": str(inquiry.organisation or ""),
                "fonction": inquiry.role,
                "propose": [kind.name for kind in inquiry.offers.all()],
                "message": inquiry.message,
                "suivi": inquiry.get_status_display(),
            }
            for inquiry in PartnershipInquiry.objects.filter(contact=contact)
            .select_related("organisation")
            .prefetch_related("offers")
        ],
        "demandes_de_formation": [
            {
                "recue_le": req.created_at,
                "demande": req.get_offer_display(),
                "production": req.production,
                "taille_equipe": req.crew_size,
                "debut_tournage": req.shoot_start,
                "fin_tournage": req.shoot_end,
                "lieu": req.location,
                "besoins": req.needs,
                "suivi": req.get_status_display(),
            }
            for req in CoachingRequest.objects.filter(contact=contact)
        ],
        "echanges": [
            {
                "date": item.date,
                "canal": item.get_channel_display(),
                "organisation": str(item.organisation or ""),
                "resume": item.summary,
                "prochaine_etape": item.next_step,
                "pour_le": item.due_date,
            }
            for item in Interaction.objects.filter(contact=contact).select_related("organisation")
        ],
    }


def erase(contact) -> None:
    """Requests go; exchanges with an organisation stay in its history without the person."""
    from .models import CoachingRequest, Interaction, PartnershipInquiry

    PartnershipInquiry.objects.filter(contact=contact).delete()
    CoachingRequest.objects.filter(contact=contact).delete()
    # Without an organisation, or written from the person's own words, an exchange is theirs.
    Interaction.objects.filter(contact=contact).filter(
        Q(organisation__isnull=True) | Q(channel=Interaction.Channel.WEBSITE)
    ).delete()
    needles = [n for n in (contact.email, contact.name) if n and len(n) >= 4]
    for item in Interaction.objects.filter(contact=contact):
        summary = item.summary
        for needle in needles:
            summary = summary.replace(needle, "[personne effacée]")
        Interaction.objects.filter(pk=item.pk).update(contact=None, summary=summary)


SECTION = GdprSection("partners", "Partenariats et formations", export=export, erase=erase)
