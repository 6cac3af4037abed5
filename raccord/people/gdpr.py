"""What the people app holds about a person: the contact card, roles, memberships, consents."""

from raccord.core.registry import GdprSection


def export(contact) -> dict:
    """The contact card as the team sees it, with the consents log."""
    return {
        "fiche": {
            "email": contact.email,
            "nom": contact.name,
            "pronoms": contact.pronouns,
            "telephone": contact.phone,
            "notes_de_l_equipe": contact.notes,
            "cree_le": contact.created_at,
            "mis_a_jour_le": contact.updated_at,
        },
        "roles": [role.name for role in contact.roles.all()],
        "organisations": [
            {"organisation": m.organisation.name, "fonction": m.title}
            for m in contact.memberships.select_related("organisation")
        ],
        "consentements": [
            {
                "objet": consent.get_kind_display(),
                "accorde": consent.given,
                "le": consent.at,
                "source": consent.source,
                "texte": consent.wording,
                "version": consent.wording_version,
            }
            for consent in contact.consents.all()
        ],
    }


def erase(contact) -> None:
    """Consents, roles and memberships go; the card itself is handled by the GDPR registry."""
    contact.consents.all().delete()
    contact.memberships.all().delete()
    contact.roles.clear()


SECTION = GdprSection("people", "Fiche contact", export=export, erase=erase)
