"""StreamField blocks shared by every page type."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


def validate_path_or_url(value: str) -> None:
    """A path of this site (`/soirees/`), a full web address or a mailto: link."""
    if not value or (value.startswith("/") and not value.startswith("//")):
        return
    if value.startswith("mailto:") and "@" in value:
        return
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValidationError(
            "Indiquez une adresse complète (https://…) ou un chemin du site (/soirees/).",
            code="invalid",
        ) from None


class KindPageChooserBlock(blocks.PageChooserBlock):
    """Chooses a page of a kind another app declared (`registry.page_kinds`): "film", "soiree".

    The block never names the app that owns the page type, so an app can offer its pages to
    blocks of lower apps (a soirée's programme shows films; the infolettre shows soirées)
    without an upward import. Migrations keep only the kind.
    """

    def __init__(self, kind: str, **kwargs):
        self.kind = kind
        super().__init__(**kwargs)

    @cached_property
    def target_models(self):
        from wagtail.models import Page

        from . import registry

        entry = registry.page_kinds.get(self.kind)
        return [entry.model] if entry is not None else [Page]

    def deconstruct(self):
        path, args, kwargs = blocks.Block.deconstruct(self)
        kwargs = {k: v for k, v in kwargs.items() if k not in ("page_type", "target_model")}
        return path, args, kwargs


class PathOrURLBlock(blocks.URLBlock):
    """Like URLBlock, but a volunteer may also type a path of the site, such as `/soirees/`.

    It stores the same string and deconstructs as URLBlock, so existing migrations of every
    StreamField using the shared blocks stay valid.
    """

    canonical_module_path = "wagtail.blocks.URLBlock"

    def __init__(self, required=True, help_text=None, max_length=None, min_length=None, **kwargs):
        super().__init__(
            required=required,
            help_text=help_text,
            max_length=max_length,
            min_length=min_length,
            **kwargs,
        )
        self.field = forms.CharField(
            required=required,
            help_text=help_text,
            max_length=max_length,
            min_length=min_length,
            validators=[validate_path_or_url],
        )


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="texte du bouton", max_length=80)
    page = blocks.PageChooserBlock(label="page", required=False)
    url = PathOrURLBlock(label="ou adresse", required=False)

    class Meta:
        template = "components/blocks/call_to_action.html"
        icon = "link"
        label = "bouton"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="citation")
    author = blocks.CharBlock(label="autrice ou auteur", required=False)

    class Meta:
        template = "components/blocks/quote.html"
        icon = "openquote"
        label = "citation"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label="intertitre", form_classname="title", template="components/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(
        label="texte", features=["bold", "italic", "link", "ol", "ul", "h3", "document-link"]
    )
    image = ImageBlock(label="image", template="components/blocks/image.html")
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or an address; a path like `/soirees/` is accepted."""

    label = blocks.CharBlock(label="texte du lien", max_length=80)
    page = blocks.PageChooserBlock(label="page", required=False)
    url = PathOrURLBlock(
        label="ou adresse",
        required=False,
        max_length=300,
        help_text="Une adresse complète ou un chemin du site, par exemple /soirees/.",
    )

    class Meta:
        icon = "link"
        label = "lien"


class AxisBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="axe", max_length=160)
    text = blocks.TextBlock(label="précision", required=False)

    class Meta:
        icon = "pick"
        label = "axe"


class VerbBlock(blocks.StructBlock):
    """Infuser, Diffuser or Creuser: one of the three things the collective does."""

    verb = blocks.ChoiceBlock(
        label="verbe",
        choices=[("infuse", "Infuser"), ("diffuse", "Diffuser"), ("dig", "Creuser")],
    )
    title = blocks.CharBlock(label="titre affiché", max_length=60)
    text = blocks.TextBlock(label="texte")
    links = blocks.ListBlock(LinkBlock(), label="liens", min_num=0, max_num=4)

    class Meta:
        icon = "pick"
        label = "verbe"


class FactBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label="chiffre", max_length=12)
    label = blocks.CharBlock(label="légende", max_length=120)


class FactsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="titre", required=False, max_length=120)
    facts = blocks.ListBlock(FactBlock(), label="chiffres clés")

    class Meta:
        template = "components/blocks/facts.html"
        icon = "table"
        label = "chiffres clés"


class StandardBodyBlock(BodyBlock):
    """The body of a standard page: the shared blocks plus key figures."""

    facts = FactsBlock()
