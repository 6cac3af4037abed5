"""Mail VHSS training reminders: run daily (cron or systemd timer); at most one a week each."""

from django.core.management.base import BaseCommand

from raccord.plateau.services import send_training_reminders


class Command(BaseCommand):
    help = "Envoie les rappels de formation VHSS (module 1 à suivre, module 2 hors délai)."

    def handle(self, *args, **options):
        sent = send_training_reminders()
        self.stdout.write(f"{sent} rappel(s) envoyé(s).")
