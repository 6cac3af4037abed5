"""A page as other pages and mails show it: the infolettre's cards, for instance.

Every page has a card (`RaccordPage.card()`); a page type overrides it to add what identifies
it (a soirée's date and place, a film's director and year). A lower app then shows any kind of
page a volunteer picked (`blocks.KindPageChooserBlock`) without naming the app that owns it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils.html import strip_tags
from django.utils.text import capfirst


@dataclass(frozen=True)
class PageCard:
    title: str
    url: str  # as `Page.url`: a path, or a full address when the site has several hosts
    label: str = ""  # what the page is: « Soirée », « Film »
    when: datetime | None = None  # shown as a date and time
    meta: str = ""  # one line under the title: a place; a director and a year
    text: str = ""  # a few plain-text sentences
    link_label: str = "Lire la suite"


def default_card(page) -> PageCard:
    """Title, address, the page type's name and its introduction (or search description)."""
    intro = getattr(page, "intro", "") or page.search_description
    return PageCard(
        title=page.title,
        url=page.url or "",
        label=capfirst(page._meta.verbose_name),
        text=strip_tags(str(intro)).strip() if intro else "",
    )


def card_for(page) -> PageCard:
    """The card of any page, including a page type outside Raccord (Wagtail's own)."""
    card = getattr(page, "card", None)
    return card() if callable(card) else default_card(page)
