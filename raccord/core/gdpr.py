"""What the site app holds about a person: the messages left through the contact form."""

from .registry import GdprSection


def export(contact) -> dict:
    """Every message the person sent through the contact form."""
    return {
        "messages": [
            {
                "recu_le": message.created_at,
                "objet": message.subject,
                "message": message.message,
                "etat": message.get_status_display(),
            }
            for message in contact.contact_messages.all()
        ]
    }


def erase(contact) -> None:
    """Messages go with the person; the outbox rows keep no link (SET_NULL) to them."""
    contact.contact_messages.all().delete()


SECTION = GdprSection("core", "Site et messages", export=export, erase=erase)
