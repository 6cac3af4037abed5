"""Remind confirmed registrants the day before their soirée. Run it hourly or daily by cron."""

from django.core.management.base import BaseCommand

from raccord.events.services import send_reminders


class Command(BaseCommand):
    help = "Envoie le rappel de la veille aux personnes inscrites (une seule fois par inscription)."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(
            f"{sent} rappel{'s' if sent > 1 else ''} envoyé{'s' if sent > 1 else ''}."
        )
