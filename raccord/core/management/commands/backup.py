from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from raccord.core.backup import backup, offsite_copy, prune


class Command(BaseCommand):
    help = (
        "Écrit une archive avec la base de données et les fichiers médias (lisible par son "
        "propriétaire seulement). Avec --nightly : applique la rétention et copie hors site."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", default=settings.RACCORD_BACKUP_DIR)
        parser.add_argument(
            "--nightly",
            action="store_true",
            help="Garde 7 quotidiennes, 4 hebdomadaires, 6 mensuelles (RACCORD_BACKUP_KEEP_*) "
            "et envoie l’archive au dépôt restic si RESTIC_REPOSITORY est défini.",
        )

    def handle(self, *args, output, nightly, **options):
        archive = backup(Path(output))
        if nightly:
            keep = {
                "daily": settings.RACCORD_BACKUP_KEEP_DAILY,
                "weekly": settings.RACCORD_BACKUP_KEEP_WEEKLY,
                "monthly": settings.RACCORD_BACKUP_KEEP_MONTHLY,
            }
            for path in prune(Path(output), **keep):
                self.stderr.write(f"Supprimée (rétention) : {path.name}")
            if offsite_copy(archive, **keep):
                self.stderr.write("Copie hors site envoyée au dépôt restic.")
        self.stdout.write(str(archive))
