"""Programme blocks of a soirée: what happens, in order."""

from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.models import Page


class FilmChooserBlock(blocks.PageChooserBlock):
    """Chooses a catalogue film; falls back to any page while the films app lacks FilmPage."""

    def __init__(self, **kwargs):
        kwargs.setdefault("page_type", "films.FilmPage")
        super().__init__(**kwargs)

    @cached_property
    def target_models(self):
        try:
            return super().target_models
        except LookupError:
            return [Page]

    def deconstruct(self):
        # Keep the model as a string so migrations never need the films app's state.
        path, args, kwargs = blocks.Block.deconstruct(self)
        kwargs.pop("page_type", None)
        kwargs.pop("target_model", None)
        return path, args, kwargs


class ExhibitionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="titre", max_length=200)
    description = blocks.TextBlock(label="description", required=False)

    class Meta:
        icon = "image"
        label = "exposition"
        template = "events/blocks/exhibition.html"


class ProjectionBlock(blocks.StructBlock):
    film = FilmChooserBlock(label="film du catalogue", required=False)
    title = blocks.CharBlock(
        label="titre",
        max_length=200,
        required=False,
        help_text="Si le film n’est pas au catalogue.",
    )
    description = blocks.TextBlock(label="présentation", required=False)

    class Meta:
        icon = "media"
        label = "projection"
        template = "events/blocks/projection.html"


class SpeakerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label="nom", max_length=120)
    role = blocks.CharBlock(label="rôle ou structure", max_length=200, required=False)


class RoundTableBlock(blocks.StructBlock):
    topic = blocks.CharBlock(label="sujet", max_length=250)
    description = blocks.TextBlock(label="présentation", required=False)
    speakers = blocks.ListBlock(SpeakerBlock(), label="intervenant·es", default=[])

    class Meta:
        icon = "group"
        label = "table ronde"
        template = "events/blocks/round_table.html"


class MealBlock(blocks.StructBlock):
    description = blocks.TextBlock(label="description", required=False)

    class Meta:
        icon = "pick"
        label = "repas"
        template = "events/blocks/meal.html"


class ConcertBlock(blocks.StructBlock):
    artist = blocks.CharBlock(label="artiste", max_length=200)
    description = blocks.TextBlock(label="présentation", required=False)

    class Meta:
        icon = "bars"
        label = "concert"
        template = "events/blocks/concert.html"


class ProgrammeBlock(blocks.StreamBlock):
    exhibition = ExhibitionBlock()
    projection = ProjectionBlock()
    round_table = RoundTableBlock()
    meal = MealBlock()
    concert = ConcertBlock()
    text = blocks.RichTextBlock(
        label="texte libre", features=["bold", "italic", "link", "ul"], icon="doc-full"
    )
