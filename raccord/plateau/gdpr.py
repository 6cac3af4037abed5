"""What the Plateau coopératif holds about a person, for export and erasure.

Unsigned check-ins and unsigned messages to referents were given without a name: they are never
exported next to one. An unsigned message is not even linked to its sender in the database.
"""

from django.db import transaction

from raccord.core.registry import GdprSection


def export(contact) -> dict:
    from .models import Answer, CheckIn, CrewMember, Nomination, Proposal, ReferentMessage

    members = list(CrewMember.objects.filter(contact=contact).select_related("production"))
    if not members:
        return {}
    checkins = CheckIn.objects.filter(member__in=members).select_related("production")
    signed = [c for c in checkins if c.signed]
    return {
        "tournages": [
            {
                "tournage": m.production.title,
                "role": m.get_role_display(),
                "poste": m.position,
                "statut": m.get_status_display(),
                "invite_le": m.invited_at,
                "a_rejoint_le": m.joined_at,
                "referent_vhss": m.is_vhss_referent,
                "eco_referent": m.is_eco_referent,
                "telephone_affiche": m.referent_phone,
                "poste_grille_parite": m.parity_post,
                "compte_comme_femme_pour_la_parite": m.counts_as_woman,
                "formation_module1_le": m.module1_done_on,
                "formation_module2_prevu_le": m.module2_scheduled_on,
                "formation_module2_le": m.module2_done_on,
            }
            for m in members
        ],
        "meteos_signees": [
            {"tournage": c.production.title, "jour": c.day, "energie": c.energy, "mots": c.words}
            for c in signed
        ],
        "meteos_non_signees": {
            "nombre": len(checkins) - len(signed),
            "note": "Données sans votre nom : elles ne sont pas recopiées ici.",
        },
        "messages_signes_aux_referents": [
            {"tournage": m.production.title, "le": m.created_at, "message": m.body}
            for m in ReferentMessage.objects.filter(sender__in=members, signed=True)
        ],
        "propositions": [
            {"titre": p.title, "texte": p.body, "le": p.created_at}
            for p in Proposal.objects.filter(author__in=members)
        ],
        "reponses": [
            {
                "proposition": a.proposal.title,
                "reponse": a.get_choice_display(),
                "raison": a.reason,
                "le": a.created_at,
            }
            for a in Answer.objects.filter(member__in=members).select_related("proposal")
        ],
        "nominations_faites": [
            {"election": n.proposal.title, "personne": n.nominee.display_name, "raison": n.reason}
            for n in Nomination.objects.filter(nominator__in=members).select_related(
                "proposal", "nominee__contact"
            )
        ],
    }


@transaction.atomic
def erase(contact) -> None:
    """Delete what is personal; keep decisions countable (answers lose their author and reason)."""
    from .models import Answer, CheckIn, CrewMember, LogEntry, Nomination, ReferentMessage

    members = list(CrewMember.objects.filter(contact=contact).select_related("contact"))
    if not members:
        return
    names = {m.display_name for m in members if m.display_name}
    CheckIn.objects.filter(member__in=members).delete()
    ReferentMessage.objects.filter(sender__in=members).delete()
    Answer.objects.filter(member__in=members).update(member=None, reason="")
    Nomination.objects.filter(nominator__in=members).update(nominator=None, reason="")
    productions = {m.production_id for m in members}
    for entry in LogEntry.objects.filter(production_id__in=productions):
        title, text = entry.title, entry.text
        for name in names:
            title, text = title.replace(name, "Une personne"), text.replace(name, "Une personne")
        if (title, text) != (entry.title, entry.text):
            entry.title, entry.text = title, text
            entry.save(update_fields=["title", "text"])
    CrewMember.objects.filter(pk__in=[m.pk for m in members]).delete()


SECTION = GdprSection("plateau", "Plateau coopératif", export=export, erase=erase)
