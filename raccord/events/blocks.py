"""Programme blocks of a soirée: what happens, in order."""

from wagtail import blocks

from raccord.core.blocks import KindPageChooserBlock


class FilmChooserBlock(KindPageChooserBlock):
    """Named by migration 0001 only; the programme uses KindPageChooserBlock("film")."""

    def __init__(self, **kwargs):
        super().__init__("film", **kwargs)


class ExhibitionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="titre", max_length=200)
    description = blocks.TextBlock(label="description", required=False)

    class Meta:
        icon = "image"
        label = "exposition"
        template = "events/blocks/exhibition.html"


class ProjectionBlock(blocks.StructBlock):
    film = KindPageChooserBlock("film", label="film du catalogue", required=False)
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
