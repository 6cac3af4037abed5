"""`load_demo --scale N`: 200 films per unit of scale, each with six credits and five stills."""

from raccord.core.scale import BATCH, add_pages, index_page, placeholder_image, progress

from .models import FilmCredit, FilmIndexPage, FilmPage, FilmStill

ROLES = ["Réalisation", "Image", "Son", "Scripte", "Montage", "Régie"]


def load(ctx) -> None:
    films = add_pages(
        ctx,
        index_page(ctx, FilmIndexPage),
        FilmPage,
        200 * ctx.scale,
        "mesure-film-",
        lambda i: FilmPage(
            title=f"Court-métrage coopératif n° {i + 1}",
            year=2000 + i % 26,
            duration_minutes=10 + i % 40,
            synopsis="<p>Une équipe tourne en coopération et raconte une lutte.</p>",
        ),
    )
    if not films:
        return
    image = placeholder_image(ctx)
    credits, stills = [], []
    for film in films:
        for j, role in enumerate(ROLES):
            credits.append(FilmCredit(film=film, role=role, name=f"Personne {j}", sort_order=j))
        for j in range(5):
            stills.append(
                FilmStill(film=film, image=image, alt=f"Photogramme {j + 1}", sort_order=j)
            )
    FilmCredit.objects.bulk_create(credits, batch_size=BATCH)
    FilmStill.objects.bulk_create(stills, batch_size=BATCH)
    progress(ctx, f"{len(credits)} credits, {len(stills)} stills")
