"""Re-enqueue mails whose retry time has come, or whose worker died while sending them."""

from django.core.management.base import BaseCommand

from raccord.core import outbox


class Command(BaseCommand):
    help = "Relance l’envoi des e-mails en attente (à lancer régulièrement par un timer)."

    def handle(self, *args, **options):
        count = outbox.retry_due()
        self.stdout.write(f"{count} e-mail(s) remis en file d’envoi.")
