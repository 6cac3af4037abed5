"""What every app's `demo.py` uses to load its content idempotently."""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.models import Page, Site


@dataclass
class DemoContext:
    stdout: object = None
    scale: int = 0
    site: Site | None = None
    home: Page | None = None
    created: list[str] = field(default_factory=list)

    def log(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    def page(self, parent: Page, model, *, slug: str, **fields) -> Page:
        """The child page of `parent` with this slug, created and published if absent.

        An existing page is left as the team may have edited it: loading twice changes nothing.
        """
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = model(slug=slug, **fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.created.append(f"{model.__name__} /{slug}/")
        return page
