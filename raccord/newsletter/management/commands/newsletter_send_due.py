"""`manage.py newsletter_send_due`: start due scheduled campaigns and re-kick sending ones.

Useful from cron when tasks run in immediate mode, or after a long outage of the workers.
"""

from django.core.management.base import BaseCommand

from raccord.newsletter import sending


class Command(BaseCommand):
    help = "Démarre les campagnes programmées arrivées à échéance et relance les envois en cours."

    def handle(self, *args, **options):
        count = sending.resume_all()
        self.stdout.write(f"{count} campagne(s) relancée(s).")
