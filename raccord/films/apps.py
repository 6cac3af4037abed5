from django.apps import AppConfig


class FilmsConfig(AppConfig):
    name = "raccord.films"
    label = "films"
    verbose_name = "Films et diffusion"

    def ready(self):
        from raccord.core import registry
        from raccord.core.registry import PageKind

        from . import views
        from .models import ExhibitionPage, FilmPage

        # Blocks of lower apps (a soirée's programme, the infolettre) choose films by kind.
        registry.page_kinds.add("film", PageKind("film", FilmPage))
        registry.page_routes.add_route(
            ExhibitionPage, "planche-<int:number>/", views.comic_plate, name="plate"
        )
