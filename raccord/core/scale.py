"""`load_demo --scale N`: realistic volume for measuring (performance issue, docs/performance.md).

At N=1: 1,000 soirées, 200 films with credits and stills, 500 news posts, 2,000 contacts,
50,000 newsletter subscribers (each a contact) and 100,000 registrations. Pages go through
Wagtail's tree (one `add_child` each, no revision history); plain rows go in with `bulk_create`.
Idempotent: a marker row in SiteSettings-free storage (the page slugs) stops a second run.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

BATCH = 5000


def _progress(ctx, message: str) -> None:
    ctx.log(f"  [scale] {message}")


def _image(ctx):
    """One shared placeholder image for every still: the point is the rows, not the pixels."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    existing = Image.objects.filter(title="Photogramme (mesures)").first()
    if existing:
        return existing
    buffer = BytesIO()
    PILImage.new("RGB", (1200, 675), (122, 46, 29)).save(buffer, "JPEG", quality=70)
    return Image.objects.create(
        title="Photogramme (mesures)", file=ImageFile(buffer, name="photogramme-mesures.jpg")
    )


def _pages(ctx, parent, model, count: int, prefix: str, build) -> list:
    existing = set(
        parent.get_children().filter(slug__startswith=prefix).values_list("slug", flat=True)
    )
    created = []
    for i in range(count):
        slug = f"{prefix}{i:05d}"
        if slug in existing:
            continue
        page = build(i)
        page.slug = slug
        page.live = True
        page.has_unpublished_changes = False
        parent.add_child(instance=page)
        created.append(page)
        if len(created) % 250 == 0:
            _progress(ctx, f"{model.__name__}: {len(created)}")
    return created


def load(ctx, scale: int) -> None:
    from raccord.core.models import NewsIndexPage, NewsPage
    from raccord.events.models import EventIndexPage, EventPage, Registration
    from raccord.films.models import FilmCredit, FilmIndexPage, FilmPage, FilmStill
    from raccord.newsletter.models import Subscriber, Topic
    from raccord.people.models import Contact

    rng = random.Random(2024)
    now = timezone.now()
    home = ctx.home

    news_index = home.get_children().type(NewsIndexPage).first().specific
    _pages(
        ctx,
        news_index,
        NewsPage,
        500 * scale,
        "mesure-actualite-",
        lambda i: NewsPage(
            title=f"Nouvelles du collectif n° {i + 1}",
            date=(now - timedelta(days=i)).date(),
            intro="Des nouvelles des soirées, des films et des résidences du collectif.",
        ),
    )

    event_index = home.get_children().type(EventIndexPage).first().specific
    events = _pages(
        ctx,
        event_index,
        EventPage,
        1000 * scale,
        "mesure-soiree-",
        lambda i: EventPage(
            title=f"Soirée coopération n° {i + 1}",
            start=now + timedelta(days=i - 500, hours=19),
            end=now + timedelta(days=i - 500, hours=23),
            capacity=200,
        ),
    )

    film_index = home.get_children().type(FilmIndexPage).first().specific
    films = _pages(
        ctx,
        film_index,
        FilmPage,
        200 * scale,
        "mesure-film-",
        lambda i: FilmPage(
            title=f"Court-métrage coopératif n° {i + 1}",
            year=2000 + i % 26,
            duration_minutes=10 + i % 40,
            synopsis="<p>Une équipe tourne en coopération et raconte une lutte.</p>",
        ),
    )
    if films:
        image = _image(ctx)
        credits, stills = [], []
        for film in films:
            for j, role in enumerate(
                ["Réalisation", "Image", "Son", "Scripte", "Montage", "Régie"]
            ):
                credits.append(FilmCredit(film=film, role=role, name=f"Personne {j}", sort_order=j))
            for j in range(5):
                stills.append(
                    FilmStill(film=film, image=image, alt=f"Photogramme {j + 1}", sort_order=j)
                )
        FilmCredit.objects.bulk_create(credits, batch_size=BATCH)
        FilmStill.objects.bulk_create(stills, batch_size=BATCH)
        _progress(ctx, f"{len(credits)} credits, {len(stills)} stills")

    total_contacts = (2000 + 50000) * scale
    already = Contact.objects.filter(email__endswith="@mesures.invalid").count()
    if already < total_contacts:
        with transaction.atomic():
            Contact.objects.bulk_create(
                [
                    Contact(email=f"personne{i:07d}@mesures.invalid", name=f"Personne {i}")
                    for i in range(already, total_contacts)
                ],
                batch_size=BATCH,
            )
        _progress(ctx, f"{total_contacts - already} contacts")
    contact_ids = list(
        Contact.objects.filter(email__endswith="@mesures.invalid")
        .order_by("pk")
        .values_list("pk", flat=True)
    )

    subscriber_ids = contact_ids[2000 * scale :]
    if not Subscriber.objects.filter(contact_id__in=subscriber_ids[:1]).exists():
        topic_ids = list(Topic.objects.values_list("pk", flat=True))
        with transaction.atomic():
            Subscriber.objects.bulk_create(
                [
                    Subscriber(contact_id=pk, status=Subscriber.Status.CONFIRMED, confirmed_at=now)
                    for pk in subscriber_ids
                ],
                batch_size=BATCH,
            )
            if topic_ids:
                through = Subscriber.topics.through
                subs = Subscriber.objects.filter(contact_id__in=subscriber_ids).values_list(
                    "pk", flat=True
                )
                through.objects.bulk_create(
                    [through(subscriber_id=s, topic_id=topic_ids[0]) for s in subs.iterator()],
                    batch_size=BATCH,
                )
        _progress(ctx, f"{len(subscriber_ids)} subscribers")

    if events:
        per_event = max(1, (100000 * scale) // len(events))
        rows = []
        for event in events:
            for pk in rng.sample(contact_ids, per_event):
                rows.append(
                    Registration(
                        event=event,
                        contact_id=pk,
                        name=f"Personne {pk}",
                        email=f"r{pk}-{event.pk}@mesures.invalid",
                        seats=1,
                        status=Registration.Status.CONFIRMED,
                        confirmed_at=now,
                    )
                )
            if len(rows) >= BATCH:
                Registration.objects.bulk_create(rows, batch_size=BATCH)
                rows = []
        Registration.objects.bulk_create(rows, batch_size=BATCH)
        _progress(ctx, f"{per_event * len(events)} registrations")
