"""`load_demo --scale N`: 50,000 confirmed subscribers per unit of scale, each a contact."""

from django.db import transaction
from django.utils import timezone

from raccord.core.scale import BATCH, progress
from raccord.people.scale import add_contacts

from .models import Subscriber, Topic


def load(ctx) -> None:
    contact_ids = add_contacts(ctx, "abonne", 50000 * ctx.scale)
    subscribed = set(
        Subscriber.objects.filter(contact_id__in=contact_ids).values_list("contact_id", flat=True)
    )
    missing = [pk for pk in contact_ids if pk not in subscribed]
    if not missing:
        return
    now = timezone.now()
    topic = Topic.objects.order_by("pk").first()
    with transaction.atomic():
        subscribers = Subscriber.objects.bulk_create(
            [
                Subscriber(contact_id=pk, status=Subscriber.Status.CONFIRMED, confirmed_at=now)
                for pk in missing
            ],
            batch_size=BATCH,
        )
        if topic is not None:
            through = Subscriber.topics.through
            through.objects.bulk_create(
                [through(subscriber_id=s.pk, topic_id=topic.pk) for s in subscribers],
                batch_size=BATCH,
            )
    progress(ctx, f"{len(missing)} subscribers")
