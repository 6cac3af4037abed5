from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from raccord.core.backup import database_holds_data, restore


class Command(BaseCommand):
    help = (
        "Restaure une archive de `manage.py backup` dans une installation vide (migrée ou non) ; "
        "refuse une base qui contient déjà des comptes ou des pages, sauf avec --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Remplace une base qui contient déjà des données.",
        )

    def handle(self, *args, archive, force, **options):
        path = Path(archive)
        if not path.is_file():
            raise CommandError(f"Archive introuvable : {path}")
        if not force and database_holds_data():
            raise CommandError(
                "La base contient déjà des comptes ou des pages : la restauration les "
                "remplacerait. Restaurez dans une base vide, ou relancez avec --force."
            )
        manifest = restore(path)
        done = manifest["restored"]
        self.stdout.write(
            f"Restauré depuis {path.name} (archive du {manifest['created_at']}, "
            f"base {manifest['database']}) : {done.get('pages', 0)} page(s), "
            f"{done.get('accounts', 0)} compte(s), {done.get('images', 0)} image(s), "
            f"{done.get('documents', 0)} document(s), {done['media_files']} fichier(s) média."
        )
