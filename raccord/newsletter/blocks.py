"""Blocks of a campaign body; each renders for the web version and for the mail (HTML and text).

Soirée and film cards point to pages of higher apps by kind (`KindPageChooserBlock`) and show
the page's own card (`core.cards`), so the infolettre never names the events or films app. A
card whose page is gone or unpublished renders nothing rather than breaking a send.
"""

from __future__ import annotations

import re
from html import unescape

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.images.blocks import ImageBlock

from raccord.core.blocks import KindPageChooserBlock
from raccord.core.cards import card_for


def absolute(url: str) -> str:
    if not url or url.startswith(("http://", "https://", "mailto:")):
        return url or ""
    return settings.RACCORD_SITE_URL.rstrip("/") + "/" + url.lstrip("/")


def live_page(page):
    """The page's specific instance if it is still published; None otherwise."""
    if page is None or not getattr(page, "live", False):
        return None
    try:
        return page.specific
    except Exception:  # noqa: BLE001 - a page type that no longer exists renders nothing
        return None


_LINK = re.compile(r'<a\s[^>]*href="([^"]+)"[^>]*>(.*?)</a>', re.S)


def html_to_text(html: str) -> str:
    """Rich text for the plain-text part: links spelled out, paragraphs and lists kept."""
    text = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})", html)
    text = re.sub(r"<li[^>]*>", "- ", text)
    text = re.sub(r"</(p|li|h\d|ul|ol)>|<br\s*/?>", "\n", text)
    text = unescape(strip_tags(text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


class ButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(label="texte du bouton", max_length=80)
    page = blocks.PageChooserBlock(label="page du site", required=False)
    url = blocks.URLBlock(label="ou adresse", required=False)

    class Meta:
        icon = "link"
        label = "bouton"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ["Choisissez une page ou saisissez une adresse."]}
            )
        return value


def card_block(kind: str, label: str, icon: str) -> blocks.StructBlock:
    """A card of a page of `kind` ("soiree", "film"), with a word from the team."""
    return blocks.StructBlock(
        [
            ("page", KindPageChooserBlock(kind, label=label)),
            ("note", blocks.TextBlock(label="mot d’accompagnement", required=False)),
        ],
        icon=icon,
        label=f"carte {label}",
    )


class CampaignBodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(label="intertitre", max_length=120)
    paragraph = blocks.RichTextBlock(
        label="texte", features=["bold", "italic", "link", "ol", "ul", "h3"]
    )
    image = ImageBlock(label="image")
    button = ButtonBlock()
    event = card_block("soiree", "soirée", "date")
    film = card_block("film", "film", "media")

    class Meta:
        label = "contenu"


def _card(value) -> dict | None:
    page = live_page(value.get("page"))
    if page is None:
        return None
    card = card_for(page)
    return {
        "title": card.title,
        "url": absolute(card.url),
        "label": card.label,
        "when": card.when,
        "meta": card.meta,
        "text": card.text,
        "link_label": card.link_label,
        "note": value.get("note", ""),
    }


def block_context(child) -> dict | None:
    """What the templates need for one block, resolved once (links made absolute)."""
    kind, value = child.block_type, child.value
    if kind == "heading":
        return {"kind": kind, "text": value}
    if kind == "paragraph":
        html = str(value.__html__() if hasattr(value, "__html__") else value)
        html = html.replace('href="/', f'href="{settings.RACCORD_SITE_URL.rstrip("/")}/')
        return {"kind": kind, "html": html, "text": html_to_text(html)}
    if kind == "image":
        image = value
        if image is None:
            return None
        try:
            rendition = image.get_rendition("max-1120x1120|format-jpeg")
        except Exception:  # noqa: BLE001 - a missing file must not stop a send
            return None
        return {
            "kind": kind,
            "src": absolute(rendition.url),
            "width": min(rendition.width, 560),
            "alt": getattr(value, "contextual_alt_text", "") or "",
            "decorative": getattr(value, "decorative", False),
        }
    if kind == "button":
        page = live_page(value.get("page"))
        url = absolute(page.url) if page is not None and page.url else value.get("url", "")
        if not url:
            return None
        return {"kind": kind, "label": value["label"], "url": url}
    if kind in ("event", "film"):
        card = _card(value)
        return {"kind": "card", "block": kind, **card} if card else None
    return None


def render_blocks(body, flavour: str) -> str:
    """Render the stream as `web`, `mail` (HTML) or `text`."""
    items = [ctx for ctx in (block_context(child) for child in body) if ctx]
    if flavour == "web":  # same-origin links on the site itself
        base = settings.RACCORD_SITE_URL.rstrip("/")
        for item in items:
            for key in ("src", "url"):
                if item.get(key, "").startswith(base + "/"):
                    item[key] = item[key][len(base) :]
            if "html" in item:
                item["html"] = item["html"].replace(f'href="{base}/', 'href="/')
    template = {
        "web": "newsletter/blocks.html",
        "mail": "mail/newsletter/blocks.html",
        "text": "mail/newsletter/blocks.txt",
    }[flavour]
    return render_to_string(template, {"items": items})
