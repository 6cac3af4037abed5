"""StreamField blocks shared by every page type."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="texte du bouton", max_length=80)
    page = blocks.PageChooserBlock(label="page", required=False)
    url = blocks.URLBlock(label="ou adresse", required=False)

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
