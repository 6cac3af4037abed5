from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from raccord.core.backup import backup


class Command(BaseCommand):
    help = "Écrit une archive avec la base de données et les fichiers médias."

    def add_arguments(self, parser):
        parser.add_argument("--output", default=str(Path(settings.VAR_DIR) / "backups"))

    def handle(self, *args, output, **options):
        archive = backup(Path(output))
        self.stdout.write(str(archive))
