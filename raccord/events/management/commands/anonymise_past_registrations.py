"""Anonymise registrations once their retention period is over; counts stay right."""

from django.core.management.base import BaseCommand

from raccord.events.models import retention_days
from raccord.events.services import anonymise_past_registrations


class Command(BaseCommand):
    help = (
        "Anonymise les inscriptions des soirées terminées depuis plus de N jours "
        "(RACCORD_REGISTRATION_RETENTION_DAYS, 365 par défaut)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Délai après la fin de la soirée (par défaut : le réglage du site).",
        )

    def handle(self, *args, days=None, **options):
        days = retention_days() if days is None else days
        count = anonymise_past_registrations(days=days)
        self.stdout.write(
            f"{count} inscription{'s' if count > 1 else ''} anonymisée{'s' if count > 1 else ''} "
            f"(soirées terminées depuis plus de {days} jours)."
        )
