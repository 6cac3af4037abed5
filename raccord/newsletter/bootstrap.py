"""The infolettre's page and its topics: the sign-up the collective announces on its home page."""

from .models import NewsletterPage, Topic

TOPICS = [
    (
        "infolettre-generale",
        "Infolettre générale",
        "Les nouvelles du collectif, quelques fois par an.",
        0,
    ),
    (
        "soirees-paris",
        "Soirées à Paris",
        "Les invitations aux soirées projection-discussion à Paris.",
        1,
    ),
    ("residences", "Résidences", "Les appels à participation et les nouvelles des résidences.", 2),
]


def load_topics() -> dict[str, Topic]:
    """The topics by slug (created when missing)."""
    topics = {}
    for slug, name, description, position in TOPICS:
        topic, _ = Topic.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description, "position": position}
        )
        topics[slug] = topic
    return topics


def load(ctx) -> None:
    if ctx.home is not None:
        ctx.page(
            ctx.home,
            NewsletterPage,
            slug="infolettre",
            title="Infolettre",
            show_in_menus=True,
            intro="<p>Quelques fois par an, les nouvelles du collectif : les soirées à venir, les "
            "films, les résidences. Pas de traceur, pas de revente d’adresse, une désinscription "
            "en un clic.</p>",
        )
    load_topics()
