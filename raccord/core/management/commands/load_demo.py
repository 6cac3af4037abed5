"""Load the collective's demo content; running it twice changes nothing."""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from raccord.core.demo_support import DemoContext


class Command(BaseCommand):
    help = "Charge le contenu de démonstration du collectif (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=0, help="Volume de données pour les mesures (0 = démo)."
        )

    def handle(self, *args, scale=0, **options):
        ctx = DemoContext(stdout=self.stdout, scale=scale)
        for app in settings.RACCORD_APPS:
            try:
                module = importlib.import_module(f"{app}.demo")
            except ModuleNotFoundError:
                continue
            with transaction.atomic():
                module.load(ctx)
        if scale:
            from raccord.core import scale as scale_loader

            scale_loader.load(ctx, scale)
        if ctx.created:
            self.stdout.write(f"Contenu créé : {len(ctx.created)} éléments.")
        else:
            self.stdout.write("Contenu de démonstration déjà en place : rien à faire.")
