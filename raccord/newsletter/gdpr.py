"""What the infolettre holds about a person, for export and erasure (see raccord.people.gdpr)."""

from raccord.core.registry import GdprSection

from .models import Delivery, Subscriber, Suppression


def export(contact) -> dict:
    """Everything this app stores about `contact`; dates stay dates (core/exports.py formats them)."""
    subscriber = Subscriber.objects.filter(contact=contact).prefetch_related("topics").first()
    if subscriber is None:
        return {}

    deliveries = Delivery.objects.filter(subscriber=subscriber).select_related("campaign")
    return {
        "abonnement": {
            "état": subscriber.get_status_display(),
            "thèmes": [t.name for t in subscriber.topics.all()],
            "provenance": subscriber.source,
            "version du texte de consentement": subscriber.wording_version,
            "inscrit·e le": subscriber.created_at,
            "confirmation envoyée le": subscriber.confirmation_sent_at,
            "confirmé·e le": subscriber.confirmed_at,
            "désinscrit·e le": subscriber.unsubscribed_at,
        },
        "infolettres reçues": [
            {
                "objet": d.campaign.subject,
                "état": d.get_status_display(),
                "envoyée le": d.sent_at,
            }
            for d in deliveries.order_by("pk")
        ],
    }


def erase(contact) -> None:
    """Forget the person but keep them out of future imports: only a hash of the address stays.

    Delivery rows keep their campaign counts but lose the address and the link to the person.
    """
    Suppression.add(contact.email, Suppression.Reason.ERASED)
    subscriber = Subscriber.objects.filter(contact=contact).first()
    if subscriber is not None:
        Delivery.objects.filter(subscriber=subscriber).update(email="", subscriber=None)
        subscriber.delete()
    Delivery.objects.filter(email=contact.email).update(email="")


SECTION = GdprSection("newsletter", "Infolettre", export=export, erase=erase)
