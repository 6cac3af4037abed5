"""Load the collective's demo content on top of `bootstrap_site`; running it twice changes nothing.

Every app registers its loader (`registry.demo`, and `registry.scale` for `--scale N`) in its
`AppConfig.ready()`; they run in the registries' order, lowest layer first.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from raccord.core import outbox, page_cache, registry
from raccord.core.bootstrap import arrange_menu, build
from raccord.core.demo_support import DemoContext


class Command(BaseCommand):
    help = "Charge le contenu de démonstration du collectif (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale", type=int, default=0, help="Volume de données pour les mesures (0 = démo)."
        )

    def handle(self, *args, scale=0, **options):
        ctx = DemoContext(stdout=self.stdout, scale=scale)
        # The demo's people are fictional: the team notices its services send are not mailed.
        with outbox.held("Non envoyé : contenu de démonstration (load_demo)."):
            build(ctx)  # the collective's real site first (`bootstrap_site`); the demo adds to it
            for loader in registry.demo:
                with transaction.atomic():
                    loader.load(ctx)
            if ctx.created and ctx.home is not None:
                arrange_menu(ctx.home)
            if scale:
                for loader in registry.scale:
                    loader.load(ctx)
        if ctx.created or scale:
            # Pages added with add_child() send no publish signal: retire cached pages and
            # fragments (a shared Redis outlives this command) so visitors see the new content.
            page_cache.purge_all()
        if ctx.created:
            self.stdout.write(f"Contenu créé : {len(ctx.created)} éléments.")
        else:
            self.stdout.write("Contenu de démonstration déjà en place : rien à faire.")
