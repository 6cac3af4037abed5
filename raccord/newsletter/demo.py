"""Demo content of the infolettre, loaded by `manage.py load_demo` (idempotent).

The topics, the `/infolettre/` page and a few subscribers. Issues that feature soirées are
written by the apps that own them (the first infolettre is in events/demo.py), with
`add_sent_issue`.
"""

from django.utils import timezone

from . import bootstrap
from .bootstrap import load_topics
from .models import Campaign, Delivery, Subscriber

SUBSCRIBERS = [
    ("camille.demo@example.org", "Camille", ["infolettre-generale", "soirees-paris"]),
    ("sacha.demo@example.org", "Sacha", ["infolettre-generale", "residences"]),
    ("noor.demo@example.org", "Noor", ["soirees-paris"]),
]


def add_sent_issue(ctx, *, subject: str, slug: str, preheader: str, body, topics, sent_at):
    """An issue already sent to the subscribers of `topics`, in the archives; once per subject."""
    if Campaign.objects.filter(subject=subject).exists():
        return None
    campaign = Campaign.objects.create(
        subject=subject,
        preheader=preheader,
        body=body,
        slug=slug,
        status=Campaign.Status.SENT,
        started_at=sent_at,
        sent_at=sent_at,
    )
    campaign.topics.set(topics)
    recipients = Subscriber.objects.for_topics(topics).select_related("contact")
    Delivery.objects.bulk_create(
        Delivery(
            campaign=campaign,
            subscriber=s,
            email=s.contact.email,
            status=Delivery.Status.SENT,
            attempts=1,
            sent_at=sent_at,
        )
        for s in recipients
    )
    ctx.created.append(f"Campaign {slug}")
    return campaign


def load(ctx) -> None:
    bootstrap.load(ctx)
    topics = load_topics()

    from raccord.people.services import find_or_create, record_consent

    for email, name, slugs in SUBSCRIBERS:
        contact = find_or_create(email=email, name=name)
        subscriber, created = Subscriber.objects.get_or_create(
            contact=contact,
            defaults={
                "status": Subscriber.Status.CONFIRMED,
                "source": "/infolettre/ (démo)",
                "wording_version": "2025-01",
                "confirmed_at": timezone.now(),
            },
        )
        if created:
            subscriber.topics.set([topics[s] for s in slugs])
            record_consent(
                contact, "newsletter", source="/infolettre/ (démo)", wording_version="2025-01"
            )
            ctx.created.append(f"Subscriber {email}")
