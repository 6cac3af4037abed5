from django.apps import AppConfig

from raccord.core import registry


class EventsConfig(AppConfig):
    name = "raccord.events"
    verbose_name = "Soirées"

    def ready(self):
        from wagtail.signals import page_published

        from . import bootstrap, dashboard, demo, gdpr, scale, signals
        from .models import EventPage, Venue
        from .signals import event_seats_changed, purge_event_pages

        # Lower apps (the infolettre) and higher ones (films) point at soirées by this kind.
        registry.page_kinds.add("soiree", registry.PageKind("soiree", EventPage))
        page_published.connect(_capacity_may_have_grown, sender=EventPage)
        event_seats_changed.connect(purge_event_pages, dispatch_uid="raccord-events-purge-seats")
        registry.bootstrap.add_loader("events", bootstrap.load)
        # A venue's name and address show on its soirées, their calendar files, the list, the API.
        registry.purge.on(Venue, signals.venue_paths, pages=signals.venue_pages)
        registry.demo.add_loader("events", demo.load)
        registry.scale.add_loader("events", scale.load)
        registry.gdpr.add_section(gdpr.SECTION)
        registry.dashboard.add_panel("next_soirees", dashboard.NextSoireesPanel, order=70)
        registry.jobs.add_job(
            registry.Job(
                "send_event_reminders",
                "send_event_reminders",
                "*-*-* 10:00:00",
                "Rappels la veille des soirées",
                3600,
            )
        )
        registry.jobs.add_job(
            registry.Job(
                "anonymise_past_registrations",
                "anonymise_past_registrations",
                "*-*-* 03:30:00",
                "Anonymisation des inscriptions anciennes",
                86400,
            )
        )


def _capacity_may_have_grown(sender, instance, **kwargs):
    """The team raised the capacity or reopened: the waitlist gets the new seats at once."""
    from django.db import transaction

    from .services import promote_from_waitlist

    if instance.capacity is None or instance.registrations.waitlisted().exists():
        transaction.on_commit(lambda: promote_from_waitlist(instance))
