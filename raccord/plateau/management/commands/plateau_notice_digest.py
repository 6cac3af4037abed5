"""Mail each member the day's proposals opened and closed, for those who chose a digest."""

from django.core.management.base import BaseCommand

from raccord.plateau.services import send_notice_digests


class Command(BaseCommand):
    help = "Envoie le résumé quotidien des propositions ouvertes et clôturées."

    def handle(self, *args, **options):
        sent = send_notice_digests()
        self.stdout.write(f"{sent} résumé(s) envoyé(s).")
