"""Small factories for soirées and registrations."""

from datetime import timedelta
from itertools import count

import pytest
from django.utils import timezone

_numbers = count(1)


@pytest.fixture
def index(site):
    from raccord.events.models import EventIndexPage

    page = EventIndexPage(title="Soirées", slug="soirees", show_in_menus=True)
    site.root_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def venue(db):
    from raccord.events.models import Venue

    return Venue.objects.create(
        name="le DOC",
        address="26 rue du Docteur Potain",
        postcode="75019",
        city="Paris",
        accessibility="Rez-de-chaussée accessible en fauteuil.",
    )


@pytest.fixture
def make_event(index, venue):
    from raccord.events.models import EventPage

    def make(**fields):
        n = next(_numbers)
        start = fields.pop("start", timezone.now() + timedelta(days=10))
        defaults = {
            "title": f"Soirée test {n}",
            "slug": f"soiree-test-{n}",
            "start": start,
            "end": start + timedelta(hours=5),
            "venue": venue,
            "capacity": 40,
            "intro": "Exposition, projection et table ronde.",
        }
        defaults.update(fields)
        event = EventPage(**defaults)
        index.add_child(instance=event)
        event.save_revision().publish()
        event.refresh_from_db()
        return event

    return make


@pytest.fixture
def event(make_event):
    return make_event()


@pytest.fixture
def register():
    """Register someone with sensible defaults."""
    from raccord.events import services

    def do(event, n=None, **kwargs):
        n = n if n is not None else next(_numbers)
        kwargs.setdefault("name", f"Personne {n}")
        kwargs.setdefault("email", f"personne{n}@exemple.org")
        return services.register(event, **kwargs)

    return do


@pytest.fixture
def _migration_data_back(django_db_blocker):
    """Put migration data (Wagtail's root page…) back after a transactional test flushed it.

    The concurrency test needs committed rows, so its database is flushed afterwards; the live
    demo of the browser journeys that run later loads on top of what migrations created.
    """
    from django.db import connection

    with django_db_blocker.unblock():
        from wagtail.models import Page

        if not connection.in_atomic_block and not Page.objects.exists():
            contents = getattr(connection, "_test_serialized_contents", None)
            if contents:
                connection.creation.deserialize_db_from_string(contents)


@pytest.fixture
def _live_demo_open(_migration_data_back, _live_demo_open):
    return _live_demo_open
