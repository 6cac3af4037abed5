from django.core.management.base import BaseCommand

from raccord.core import registry


class Command(BaseCommand):
    help = (
        "Liste les tâches périodiques déclarées par les applications, une par ligne : "
        "nom, calendrier systemd (OnCalendar), commande, description, séparés par des tabulations "
        "(deploy/install.sh en fait des timers systemd)."
    )

    def handle(self, *args, **options):
        for job in registry.jobs:
            self.stdout.write("\t".join((job.name, job.every, job.command, job.description)))
