"""What the people app holds about a person: the contact card, roles, memberships, consents,
and the messages they left through the contact form."""

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
        "messages": [
            {
                "recu_le": message.created_at,
                "objet": message.subject,
                "message": message.message,
                "etat": message.get_status_display(),
            }
            for message in contact.contact_messages.all()
        ],
    }


def erase(contact) -> None:
    """Consents, roles, memberships and messages go; the GDPR registry handles the card itself."""
    contact.contact_messages.all().delete()
    contact.consents.all().delete()
    contact.memberships.all().delete()
    contact.roles.clear()


SECTION = GdprSection("people", "Fiche contact et messages", export=export, erase=erase)
