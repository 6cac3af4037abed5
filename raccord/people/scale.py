"""`load_demo --scale N`: 2,000 contacts per unit of scale (the soirées' registrants)."""

from django.db import transaction

from raccord.core.scale import BATCH, DOMAIN, progress

from .models import Contact


def add_contacts(ctx, prefix: str, total: int) -> list[int]:
    """Contacts `<prefix>0000000@mesures.invalid`… up to `total`; their keys, oldest first."""
    mine = Contact.objects.filter(email__startswith=prefix, email__endswith=DOMAIN)
    already = mine.count()
    if already < total:
        with transaction.atomic():
            Contact.objects.bulk_create(
                [
                    Contact(email=f"{prefix}{i:07d}{DOMAIN}", name=f"Personne {i}")
                    for i in range(already, total)
                ],
                batch_size=BATCH,
            )
        progress(ctx, f"{total - already} contacts ({prefix}…)")
    return list(mine.order_by("pk").values_list("pk", flat=True))


def load(ctx) -> None:
    add_contacts(ctx, "personne", 2000 * ctx.scale)
