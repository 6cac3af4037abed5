from django.apps import AppConfig

from raccord.core import registry


class FilmsConfig(AppConfig):
    name = "raccord.films"
    verbose_name = "Films et diffusion"

    def ready(self):
        from raccord.core.registry import PageKind

        from . import bootstrap, dashboard, demo, gdpr, scale, views
        from .models import DiffusionPage, ExhibitionPage, FilmPage, Showing

        registry.bootstrap.add_loader("films", bootstrap.load)
        # Showings make the diffusion page (its map of cities, its yearly bars).
        registry.purge.on(Showing, pages=lambda showing: DiffusionPage.objects.live())
        registry.demo.add_loader("films", demo.load)
        registry.scale.add_loader("films", scale.load)
        registry.gdpr.add_section(gdpr.SECTION)
        registry.requests.add("screening_requests", dashboard.SCREENING_REQUESTS)
        # Blocks of lower apps (a soirée's programme, the infolettre) choose films by kind.
        registry.page_kinds.add("film", PageKind("film", FilmPage))
        registry.page_routes.add_route(
            ExhibitionPage, "planche-<int:number>/", views.comic_plate, name="plate"
        )
