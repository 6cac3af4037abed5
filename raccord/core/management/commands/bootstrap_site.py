"""Build the collective's real site: page tree, identity, sections; running it twice changes nothing.

Every app registers its part (`registry.bootstrap`) in its `AppConfig.ready()`; they run in the
registry's order, lowest layer first (core makes the home page the others hang under).
"""

from django.core.management.base import BaseCommand

from raccord.core.bootstrap import build
from raccord.core.demo_support import DemoContext


class Command(BaseCommand):
    help = "Construit le site du collectif (pages, identité, rubriques), sans contenu fictif."

    def handle(self, *args, **options):
        ctx = build(DemoContext(stdout=self.stdout))
        if ctx.created:
            self.stdout.write(f"Site construit : {len(ctx.created)} éléments créés.")
            for item in ctx.created:
                self.stdout.write(f"  + {item}")
            self.stdout.write(
                "Complétez dans l’administration ce que la brochure ne dit pas : cherchez "
                "« [À compléter » (réglages du collectif, mentions légales)."
            )
        else:
            self.stdout.write("Le site est déjà en place : rien à faire.")
