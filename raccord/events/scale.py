"""`load_demo --scale N`: 1,000 soirées and 100,000 registrations per unit of scale."""

import random
from datetime import timedelta

from django.utils import timezone

from raccord.core.scale import BATCH, DOMAIN, add_pages, index_page, progress
from raccord.people.models import Contact

from .models import EventIndexPage, EventPage, Registration


def load(ctx) -> None:
    now = timezone.now()
    events = add_pages(
        ctx,
        index_page(ctx, EventIndexPage),
        EventPage,
        1000 * ctx.scale,
        "mesure-soiree-",
        lambda i: EventPage(
            title=f"Soirée coopération n° {i + 1}",
            start=now + timedelta(days=i - 500, hours=19),
            end=now + timedelta(days=i - 500, hours=23),
            capacity=200,
        ),
    )
    if not events:
        return
    # Registrants among the measurement contacts that people and the infolettre added.
    contact_ids = list(
        Contact.objects.filter(email__endswith=DOMAIN).order_by("pk").values_list("pk", flat=True)
    )
    rng = random.Random(2024)
    per_event = min(max(1, (100000 * ctx.scale) // len(events)), len(contact_ids))
    rows = []
    for event in events:
        for pk in rng.sample(contact_ids, per_event):
            rows.append(
                Registration(
                    event=event,
                    contact_id=pk,
                    name=f"Personne {pk}",
                    email=f"r{pk}-{event.pk}{DOMAIN}",
                    seats=1,
                    status=Registration.Status.CONFIRMED,
                    confirmed_at=now,
                )
            )
        if len(rows) >= BATCH:
            Registration.objects.bulk_create(rows, batch_size=BATCH)
            rows = []
    Registration.objects.bulk_create(rows, batch_size=BATCH)
    progress(ctx, f"{per_event * len(events)} registrations")
