"""Many visitors at once for the last seats: never one seat too many."""

import threading

import pytest
from django.db import close_old_connections, connection

from raccord.events import services
from raccord.events.models import Registration

# serialized_rollback puts Wagtail's root page (and other migration data) back after the flush,
# so tests that run later on the same database (the live demo of browser journeys) find it.
VISITORS = 24
CAPACITY = 7


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_confirm_exactly_the_capacity(make_event):
    event = make_event(capacity=CAPACITY, max_seats_per_registration=1)
    barrier = threading.Barrier(VISITORS)
    errors = []

    def visitor(n):
        try:
            barrier.wait(timeout=30)
            services.register(event, name=f"Personne {n}", email=f"p{n}@exemple.org")
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(repr(error))
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(VISITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    registrations = Registration.objects.filter(event=event)
    assert registrations.count() == VISITORS
    assert registrations.filter(status="confirmed").count() == CAPACITY
    assert registrations.filter(status="waitlisted").count() == VISITORS - CAPACITY
    assert event.remaining_seats() == 0
