"""The collective's home page, its site pages, news and settings, from the brochure's facts."""

from datetime import date
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from .models import ContactPage, HomePage, NewsIndexPage, NewsPage, SiteSettings, StandardPage

DEMO_ADMIN = ("admin", "raccord-demo")


def p(*paragraphs: str) -> dict:
    return {"type": "paragraph", "value": "".join(f"<p>{text}</p>" for text in paragraphs)}


def h(text: str) -> dict:
    return {"type": "heading", "value": text}


def ul(*items: str) -> dict:
    return {
        "type": "paragraph",
        "value": "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>",
    }


def button(label: str, url: str) -> dict:
    return {"type": "call_to_action", "value": {"label": label, "page": None, "url": url}}


def link(label: str, url: str) -> dict:
    return {"label": label, "page": None, "url": url}


HOME = {
    "intro": (
        "<p>On Est Raccord! rassemble des travailleur·ses du cinéma qui luttent contre les "
        "rapports de domination sur les plateaux par la coopération, portent des récits "
        "militants et réinventent la façon de produire les films.</p>"
    ),
    "axes": [
        {
            "type": "axis",
            "value": {
                "title": "La coopération comme outil de lutte contre les rapports de domination "
                "dans l’industrie",
                "text": "",
            },
        },
        {
            "type": "axis",
            "value": {
                "title": "Des récits activistes pour nourrir une révolution culturelle",
                "text": "",
            },
        },
        {
            "type": "axis",
            "value": {
                "title": "Un modèle de production au service des travailleur·ses et des luttes",
                "text": "",
            },
        },
    ],
    "verbs_intro": "Trois verbes pour ce que nous faisons, et un quatrième : recommencer.",
    "verbs": [
        {
            "type": "verb",
            "value": {
                "verb": "infuse",
                "title": "Infuser",
                "text": "Faire entrer des pratiques plus respectueuses dans le cinéma : soirées de "
                "projection et d’échange aujourd’hui, formations et accompagnement d’équipes "
                "demain.",
                "links": [link("Les soirées", "/soirees/"), link("Les formations", "/formations/")],
            },
        },
        {
            "type": "verb",
            "value": {
                "verb": "diffuse",
                "title": "Diffuser",
                "text": "Faire circuler les films et les récits militants, et ouvrir des espaces "
                "pour parler des rapports de pouvoir sur nos plateaux, dans nos studios et nos "
                "bureaux.",
                "links": [
                    link("Les films", "/films/"),
                    link("L’exposition", "/exposition/"),
                    link("Accueillir une projection", "/diffusion/"),
                ],
            },
        },
        {
            "type": "verb",
            "value": {
                "verb": "dig",
                "title": "Creuser",
                "text": "Continuer d’expérimenter en résidence avec des collectifs complices, et "
                "trouver de quoi financer ces expériences.",
                "links": [
                    link("Les résidences", "/residences/"),
                    link("La résidence de mars 2024", "/residence-mars-2024/"),
                    link("Devenir partenaire", "/partenaires/"),
                ],
            },
        },
    ],
    "call_text": "Professionnel·le du cinéma, collectif, militant·e ou spectateur·ice : "
    "abonnez-vous à l’infolettre pour connaître les prochaines soirées, ou écrivez-nous pour "
    "qu’on se rencontre et qu’on avance ensemble.",
}

COLLECTIVE_BODY = [
    h("D’une résidence est né un collectif"),
    p(
        "Au départ, trois personnes veulent faire un film autrement, avec de meilleurs "
        "ingrédients : Julie Dupeux-Harlé, scripte, Colin Destombe, producteur attentif à "
        "l’écologie, et Paul Meigné, permaculteur. Ensemble, elles et ils lancent en mars 2024 "
        "une première résidence-laboratoire en Centre Bretagne.",
        "De cette expérience sont sortis deux courts-métrages, dix planches de bande dessinée, "
        "une communauté de participant·es et l’envie de continuer. Le collectif devient une "
        "association au cours de 2024, porté par un petit noyau et les personnes qui le "
        "soutiennent.",
    ),
    h("Les fondateur·ices"),
    ul(
        "<b>Julie Dupeux-Harlé</b>, scripte : elle fait le lien entre ce qui se vit sur un "
        "plateau et les outils de coopération.",
        "<b>Colin Destombe</b>, producteur : il cherche comment produire des films qui "
        "respectent les équipes et le vivant.",
        "<b>Paul Meigné</b>, permaculteur : il apporte l’art de faire pousser des collectifs "
        "qui tiennent dans la durée.",
    ),
    h("Ce que nous appelons coopération"),
    p(
        "Communication non violente, cercles de parole, intelligence collective : ces outils "
        "répondent aux systèmes de domination en misant sur l’écoute, l’égalité et la "
        "construction à plusieurs. Ils viennent de l’autogestion, du féminisme et de l’écologie "
        "sociale, et font passer l’interdépendance avant la compétition.",
        "Sur un tournage, cela veut dire prendre le temps d’une météo le matin, décider "
        "ensemble de ce qui peut l’être, et rendre visibles les rapports de pouvoir pour "
        "pouvoir les déplacer.",
    ),
    h("Nos trois axes"),
    ul(
        "La coopération comme outil de lutte contre les rapports de domination dans "
        "l’industrie du cinéma.",
        "Les récits activistes pour nourrir une révolution culturelle à plus grande échelle.",
        "Un modèle de production des films au service des travailleur·ses et des luttes.",
    ),
    h("Avec qui nous avançons"),
    p(
        "Nous écrivons et organisons des rencontres avec des collectifs compagnons, du cinéma "
        "comme du monde militant : Paris 1, La Fémis, l’ESCAT à Tours, le SPIAC-CGT, Les Toiles "
        "Vertes, l’A.R.T.S., Agir pour le Vivant ou encore le festival Résistances."
    ),
    button("Nous rencontrer", "/nous-rencontrer/"),
]

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

LEGAL_BODY = [
    h("Éditeur du site"),
    p(
        "Ce site est édité par l’association On Est Raccord!, association loi 1901. L’adresse "
        "de son siège figure dans ses statuts et vous est communiquée sur simple demande.",
        'Contact : <a href="mailto:contact@onestraccord.org">contact@onestraccord.org</a>.',
        "Direction de la publication : la présidence de l’association.",
    ),
    h("Hébergement"),
    p(
        "Le site fonctionne avec Raccord, un logiciel libre, installé sur un serveur choisi par "
        "l’association. Les coordonnées de l’hébergeur sont indiquées ici lors de la mise en "
        "ligne."
    ),
    h("Contenus"),
    p(
        "Textes, films, planches et photographies restent la propriété de leurs autrices et "
        "auteurs. Pour toute reprise, écrivez-nous : nous transmettrons votre demande.",
        "Vous avez repéré une erreur ou un contenu qui pose problème ? Signalez-le via la page "
        '<a href="/nous-rencontrer/">Nous rencontrer</a>.',
    ),
    h("Accessibilité"),
    p(
        "Nous voulons que ce site soit lisible par toutes et tous, y compris avec un lecteur "
        "d’écran ou au clavier. Si une page vous résiste, dites-le-nous : nous la corrigerons."
    ),
]

PRIVACY_BODY = [
    h("En bref"),
    ul(
        "Aucun traceur, aucune mesure d’audience, aucune publicité.",
        "Aucun cookie pour les visiteur·ses : seul·es les bénévoles connecté·es à "
        "l’administration reçoivent un cookie de session.",
        "Aucune ressource chargée depuis un autre site : polices et images sont servies par "
        "nos soins.",
        "Vos données ne sont ni vendues ni prêtées.",
    ),
    h("Qui est responsable"),
    p(
        "L’association On Est Raccord! est responsable des traitements décrits ici. Pour toute "
        'question : <a href="mailto:contact@onestraccord.org">contact@onestraccord.org</a>.'
    ),
    h("Ce que nous conservons, et combien de temps"),
    ul(
        "<b>Formulaire de contact</b> : nom, adresse e-mail, objet et message, pour vous "
        "répondre. Conservés trois ans au plus après notre dernier échange.",
        "<b>Infolettre</b> : adresse e-mail et preuve de votre consentement, jusqu’à votre "
        "désabonnement (un lien figure dans chaque envoi).",
        "<b>Inscriptions aux soirées</b> : nom, adresse e-mail et nombre de places, effacés un "
        "an après la soirée.",
        "<b>Candidatures aux résidences et demandes de partenaires</b> : les informations que "
        "vous nous confiez, le temps de l’appel ou de la relation, puis archivées sans données "
        "sensibles.",
    ),
    p(
        "Chaque personne a une seule fiche chez nous, reliée à ses consentements : nous savons "
        "ainsi quand et sur quel texte vous avez dit oui."
    ),
    h("Vos droits"),
    p(
        "Vous pouvez accéder à vos données, les corriger, les faire effacer, les récupérer ou "
        'vous opposer à leur usage. La page <a href="/mes-donnees/">Mes données</a> vous '
        "envoie un lien pour les consulter ou les effacer vous-même ; vous pouvez aussi nous "
        "écrire. Nous répondons sous un mois.",
        "Si vous estimez que vos droits ne sont pas respectés, vous pouvez saisir la CNIL.",
    ),
    h("Les e-mails"),
    p(
        "Les e-mails que nous envoyons partent de notre serveur. Ils ne contiennent ni pixel "
        "de suivi ni lien tracé."
    ),
]

CONTACT_INTRO = (
    "<p>Professionnel·le du cinéma, collectif, lieu, école ou simple curieux·se : on veut vous "
    "rencontrer, échanger et avancer ensemble. Écrivez-nous, l’équipe bénévole vous répond.</p>"
)
CONTACT_BODY = [
    h("Autres façons de nous rencontrer"),
    ul(
        'Par e-mail : <a href="mailto:contact@onestraccord.org">contact@onestraccord.org</a>',
        'En vrai, à l’une de nos <a href="/soirees/">soirées</a> : exposition, projection et '
        "table ronde.",
        "Sur Instagram : @on_est_raccord, ainsi que sur BlueSky et LinkedIn.",
        'Par l’<a href="/infolettre/">infolettre</a>, pour ne rien manquer.',
    ),
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


def _home(ctx) -> HomePage:
    root = Page.get_first_root_node()
    site = Site.objects.filter(is_default_site=True).first()
    home = site.root_page.specific if site else None
    if not isinstance(home, HomePage):
        home = root.get_children().type(HomePage).first()
        if home is None:
            home = HomePage(
                title="On Est Raccord!",
                slug="accueil",
                seo_title="On Est Raccord! — collectif de cinéma coopératif",
                search_description="Un collectif de travailleur·ses du cinéma qui lutte contre "
                "les rapports de domination par la coopération : soirées, films, résidences.",
                **HOME,
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            ctx.created.append("HomePage")
        home = home.specific
        old_root = site.root_page if site else None
        if site is None:
            site = Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name="On Est Raccord!",
            )
        else:
            site.root_page = home
            site.site_name = "On Est Raccord!"
            site.save()
        is_placeholder = (
            old_root is not None
            and old_root.pk != home.pk
            and old_root.depth == 2
            and old_root.specific_class is Page
            and not old_root.get_children().exists()
        )
        if is_placeholder:
            old_root.delete()  # Wagtail's "Welcome" page
    elif not home.verbs and not home.axes:
        # A home page from an older demo: give it the collective's content once.
        for field, value in HOME.items():
            setattr(home, field, value)
        home.save_revision().publish()
        ctx.created.append("HomePage content")
    ctx.site, ctx.home = site, home
    _site_address(site)
    return home


def _site_address(site: Site) -> None:
    """Point Wagtail's placeholder site at SITE_URL so sitemap and page links agree with it."""
    if site.hostname != "localhost" or site.port != 80:
        return
    url = urlsplit(settings.RACCORD_SITE_URL)
    hostname = url.hostname or "localhost"
    port = url.port or (443 if url.scheme == "https" else 80)
    if (hostname, port) != (site.hostname, site.port):
        site.hostname, site.port = hostname, port
        site.save(update_fields=["hostname", "port"])


def _taken_over(path: str) -> bool:
    """True once another app replaced this page by a redirect (the residencies app does)."""
    from wagtail.contrib.redirects.models import Redirect

    return Redirect.objects.filter(old_path=Redirect.normalise_path(path)).exists()


def load(ctx) -> None:
    home = _home(ctx)

    ctx.page(
        home,
        StandardPage,
        slug="le-collectif",
        title="Le collectif",
        show_in_menus=True,
        intro="Des travailleur·ses du cinéma qui s’organisent pour que les films se fassent "
        "sans rapports de domination.",
        search_description="Qui est On Est Raccord!, d’où vient le collectif, ce qu’il entend "
        "par coopération et le rôle de ses fondateur·ices.",
        body=COLLECTIVE_BODY,
    )
    news_index = ctx.page(
        home,
        NewsIndexPage,
        slug="actualites",
        title="Actualités",
        show_in_menus=True,
        intro="Les nouvelles du collectif : soirées, films, résidences et rencontres.",
    )
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
    ctx.page(
        home,
        ContactPage,
        slug="nous-rencontrer",
        title="Nous rencontrer",
        show_in_menus=True,
        intro=CONTACT_INTRO,
        body=CONTACT_BODY,
        search_description="Écrire au collectif On Est Raccord! ou le rencontrer lors d’une "
        "soirée.",
    )
    ctx.page(
        home,
        StandardPage,
        slug="mentions-legales",
        title="Mentions légales",
        intro="Qui publie ce site, et comment nous joindre.",
        body=LEGAL_BODY,
    )
    ctx.page(
        home,
        StandardPage,
        slug="confidentialite",
        title="Confidentialité",
        intro="Ce que nous faisons de vos données : le moins possible, et rien sans vous le dire.",
        body=PRIVACY_BODY,
    )

    site_settings = SiteSettings.for_site(ctx.site)
    if not (site_settings.instagram_url or site_settings.footer_text):
        site_settings.instagram_url = "https://www.instagram.com/on_est_raccord/"
        site_settings.bluesky_url = "https://bsky.app/profile/onestraccord.bsky.social"
        site_settings.linkedin_url = "https://www.linkedin.com/company/on-est-raccord/"
        site_settings.footer_text = (
            "Association de travailleur·ses du cinéma : infuser des pratiques respectueuses, "
            "diffuser des récits militants, creuser en résidence."
        )
        site_settings.save()
        ctx.created.append("SiteSettings")

    User = get_user_model()
    if not User.objects.filter(username=DEMO_ADMIN[0]).exists():
        User.objects.create_superuser(
            DEMO_ADMIN[0], "admin@onestraccord.org", DEMO_ADMIN[1], first_name="Équipe"
        )
        ctx.created.append("admin user")
