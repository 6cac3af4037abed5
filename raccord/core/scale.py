"""`load_demo --scale N`: realistic volume for measuring (performance issue, docs/performance.md).

Each app adds its own volume with `registry.scale` (core: news posts; people: contacts;
newsletter: subscribers; events: soirées and registrations; films: films with credits and
stills; partners: organisations). At N=1: 1,000 soirées, 200 films, 500 news posts, 2,000
contacts, 50,000 subscribers (each a contact) and 100,000 registrations. Pages go through
Wagtail's tree (one `add_child` each, no revision history); plain rows go in with `bulk_create`.
Idempotent: pages are found again by their slug prefix, rows by their `@mesures.invalid` address.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

BATCH = 5000
DOMAIN = "@mesures.invalid"  # every address the measurements create ends with it


def progress(ctx, message: str) -> None:
    ctx.log(f"  [scale] {message}")


def placeholder_image(ctx):
    """One shared placeholder image for every still: the point is the rows, not the pixels."""
    from io import BytesIO

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    existing = Image.objects.filter(title="Photogramme (mesures)").first()
    if existing:
        return existing
    buffer = BytesIO()
    PILImage.new("RGB", (1200, 675), (122, 46, 29)).save(buffer, "JPEG", quality=70)
    return Image.objects.create(
        title="Photogramme (mesures)", file=ImageFile(buffer, name="photogramme-mesures.jpg")
    )


def index_page(ctx, model):
    """The home page's child of this type (an index page the demo created)."""
    return ctx.home.get_children().type(model).first().specific


def add_pages(ctx, parent, model, count: int, prefix: str, build) -> list:
    """`count` pages `build(i)` under `parent`, slugs `prefix00000`…; those already there are kept."""
    existing = set(
        parent.get_children().filter(slug__startswith=prefix).values_list("slug", flat=True)
    )
    created = []
    for i in range(count):
        slug = f"{prefix}{i:05d}"
        if slug in existing:
            continue
        page = build(i)
        page.slug = slug
        page.live = True
        page.has_unpublished_changes = False
        parent.add_child(instance=page)
        created.append(page)
        if len(created) % 250 == 0:
            progress(ctx, f"{model.__name__}: {len(created)}")
    return created


def load(ctx) -> None:
    """The site's own volume: 500 news posts per unit of scale."""
    from .models import NewsIndexPage, NewsPage

    now = timezone.now()
    add_pages(
        ctx,
        index_page(ctx, NewsIndexPage),
        NewsPage,
        500 * ctx.scale,
        "mesure-actualite-",
        lambda i: NewsPage(
            title=f"Nouvelles du collectif n° {i + 1}",
            date=(now - timedelta(days=i)).date(),
            intro="Des nouvelles des soirées, des films et des résidences du collectif.",
        ),
    )
