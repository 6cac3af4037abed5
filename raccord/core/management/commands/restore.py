from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from raccord.core.backup import restore


class Command(BaseCommand):
    help = "Restaure une archive de `manage.py backup` dans une installation vide (migrée ou non)."

    def add_arguments(self, parser):
        parser.add_argument("archive")

    def handle(self, *args, archive, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"Archive introuvable : {path}")
        manifest = restore(path)
        self.stdout.write(
            f"Restauré : base {manifest['database']}, {manifest['media_files']} fichier(s) média."
        )
