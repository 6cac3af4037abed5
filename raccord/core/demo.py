"""Demo content on top of the collective's real site (core/bootstrap.py): news, an admin.

The news posts carry made-up publication dates and the social links made-up addresses: they
belong to the demo, not to `bootstrap_site`.
"""

from datetime import date

from django.contrib.auth import get_user_model

from . import bootstrap
from .bootstrap import button, h, p, ul
from .models import NewsPage, SiteSettings, StandardPage

DEMO_ADMIN = ("admin", "raccord-demo")

RESIDENCY_BODY = [
    {
        "type": "facts",
        "value": {
            "heading": "La résidence en chiffres",
            "facts": [
                {"figure": "30", "label": "participant·es"},
                {"figure": "6", "label": "partenaires"},
                {"figure": "2", "label": "courts-métrages"},
                {"figure": "10", "label": "planches de BD"},
            ],
        },
    },
    h("Qui était là"),
    p(
        "Trente personnes ont vécu la résidence à l’éco-lieu Bascule Argoat, en Centre Bretagne, "
        "accueillies par les habitant·es du lieu :"
    ),
    ul(
        "2 facilitatrices professionnelles de la coopération ;",
        "3 coordinateur·ices ;",
        "1 cuisinier ;",
        "20 technicien·nes et interprètes professionnel·les,",
        "et quelques ami·es venu·es prêter main-forte.",
    ),
    h("Ce qui en est sorti"),
    p(
        "Deux courts-métrages, <i>Récolter la tempête</i> et <i>Sur écoute</i>, tournés en "
        "mettant les outils de coopération à l’épreuve du plateau.",
        "Dix planches de bande dessinée de Romane Rostoll, qui racontent les enjeux, les "
        "tensions et les anecdotes de ces journées. Elles forment l’exposition présentée à "
        "chacune de nos soirées.",
    ),
    h("Les six partenaires"),
    ul("Bascule Argoat", "Atelier 7", "Le Bruit Qui Court", "Black Ship", "Louis Lumière", "Pola"),
    p(
        "Un article sur cette résidence est paru dans CLAP, le magazine du SPIAC-CGT. La "
        "prochaine résidence, « créer des films en coopération », est prévue au printemps 2026 "
        "en Bretagne."
    ),
    button("Voir les résidences", "/residences/"),
]

NEWS = [
    {
        "slug": "premiere-soiree-cooperation-courts-metrages",
        "title": "Première soirée : la coopération sur les courts-métrages",
        "date": date(2024, 12, 2),
        "intro": "En novembre 2024, notre première soirée a réuni exposition, projection et "
        "table ronde autour d’une question : comment faire entrer la coopération sur un "
        "tournage de court-métrage ?",
        "body": [
            p(
                "La soirée a commencé devant les planches de Romane Rostoll, qui racontent la "
                "résidence de mars 2024. Puis nous avons projeté nos deux courts-métrages, "
                "<i>Récolter la tempête</i> et <i>Sur écoute</i>.",
                "La table ronde a donné un avant-goût de nos outils : tour de parole, écoute, "
                "décisions partagées. Merci à toutes les personnes venues échanger avec nous !",
            )
        ],
    },
    {
        "slug": "soiree-soin-tournages-9-mars-2025",
        "title": "Le soin sur les tournages : rendez-vous le 9 mars au DOC",
        "date": date(2025, 2, 17),
        "intro": "Notre deuxième soirée aura lieu le dimanche 9 mars 2025, de 18 h à 23 h, au "
        "DOC à Paris : on y parlera du soin sur les plateaux.",
        "body": [
            p(
                "Au programme, comme la première fois : l’exposition des planches de la "
                "résidence, la projection de nos deux films et une table ronde, cette fois "
                "consacrée au soin sur les tournages.",
                "La soirée sera filmée : la captation sera ensuite disponible sur ce site.",
            ),
            button("Voir les soirées", "/soirees/"),
        ],
    },
    {
        "slug": "clap-et-cote-court",
        "title": "La résidence dans CLAP, Sur écoute à Côté Court",
        "date": date(2025, 6, 16),
        "intro": "Le magazine CLAP du SPIAC-CGT consacre un article à notre résidence de mars "
        "2024, et notre court-métrage Sur écoute a été projeté au festival Côté Court.",
        "body": [
            p(
                "Voir notre expérience racontée dans le magazine du syndicat des "
                "professionnel·les des industries de l’audiovisuel et du cinéma nous fait "
                "chaud au cœur : la coopération sur les plateaux intéresse au-delà de notre "
                "cercle.",
                "<i>Sur écoute</i>, tourné pendant la résidence, a rejoint la sélection du "
                "festival Côté Court. Les films continuent leur route : vous pouvez aussi les "
                "accueillir lors d’une projection accompagnée.",
            ),
            button("Accueillir une projection", "/diffusion/"),
        ],
    },
    {
        "slug": "nouvelle-residence-printemps-2026",
        "title": "Une nouvelle résidence au printemps 2026",
        "date": date(2025, 10, 6),
        "intro": "Après la première résidence-laboratoire, nous préparons « créer des films en "
        "coopération », une nouvelle résidence prévue au printemps 2026 en Bretagne.",
        "body": [
            p(
                "L’appel à participation sera publié sur ce site et dans l’infolettre. Nous "
                "cherchons aussi des partenaires pour financer cette nouvelle expérience.",
            ),
            button("Les résidences", "/residences/"),
        ],
    },
]


def _taken_over(path: str) -> bool:
    """True once another app replaced this page by a redirect (the residencies app does)."""
    from wagtail.contrib.redirects.models import Redirect

    return Redirect.objects.filter(old_path=Redirect.normalise_path(path)).exists()


def load(ctx) -> None:
    bootstrap.load(ctx)
    home = ctx.home
    news_index = home.get_children().get(slug="actualites")
    for post in NEWS:
        ctx.page(news_index, NewsPage, **post)
    if not _taken_over("/residence-mars-2024/"):
        ctx.page(
            home,
            StandardPage,
            slug="residence-mars-2024",
            title="La résidence-laboratoire de mars 2024",
            intro="En mars 2024, trente personnes ont passé une résidence à l’éco-lieu Bascule "
            "Argoat, en Centre Bretagne, pour tourner autrement. C’est là qu’est né le collectif.",
            search_description="La première résidence-laboratoire d’On Est Raccord! : 30 "
            "participant·es, 6 partenaires, 2 courts-métrages et 10 planches de BD.",
            body=RESIDENCY_BODY,
        )

    site_settings = SiteSettings.for_site(ctx.site)
    if not site_settings.bluesky_url:
        # Made-up addresses: the brochure names BlueSky and LinkedIn without a link.
        site_settings.bluesky_url = "https://bsky.app/profile/onestraccord.bsky.social"
        site_settings.linkedin_url = "https://www.linkedin.com/company/on-est-raccord/"
        site_settings.save()
        ctx.created.append("SiteSettings (demo social links)")

    User = get_user_model()
    if not User.objects.filter(username=DEMO_ADMIN[0]).exists():
        User.objects.create_superuser(
            DEMO_ADMIN[0], "admin@onestraccord.org", DEMO_ADMIN[1], first_name="Équipe"
        )
        ctx.created.append("admin user")
