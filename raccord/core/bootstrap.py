"""The collective's real site, from what it published (its 2025 brochure): `bootstrap_site`.

No invented person, organisation, address or date: what the brochure does not say (who hosts
the site, the registered office…) is a visible « [À compléter : …] » the team fills in the
admin. Idempotent: a page is created only when its slug is free, the identity only while it
still holds the neutral defaults. `load_demo` builds its fictional content on top of this.
"""

from __future__ import annotations

from wagtail.models import Page, Site

from . import site_url
from .models import ContactPage, HomePage, NewsIndexPage, SiteSettings, StandardPage

TODO = "[À compléter :"

# The slugs of the top-level pages, in the order a visitor reads them (slugs only: no app imported).
MENU_ORDER = [
    "le-collectif",
    "soirees",
    "films",
    "residences",
    "formations",
    "partenaires",
    "actualites",
    "infolettre",
    "nous-rencontrer",
]
# Reached from the home page, the footer and the film pages rather than from the main menu.
OUT_OF_MENU = {
    "exposition",
    "diffusion",
    "captations",
    "recherche",
    "mentions-legales",
    "confidentialite",
}

IDENTITY = {
    "name": "On Est Raccord!",
    "short_name": "On Est Raccord",
    "description": "Un collectif de travailleur·ses du cinéma qui lutte contre les rapports de "
    "domination par la coopération : soirées, films, résidences.",
    "contact_email": "contact@onestraccord.org",
    "instagram_url": "https://www.instagram.com/on_est_raccord/",
    "footer_text": "Association de travailleur·ses du cinéma : infuser des pratiques "
    "respectueuses, diffuser des récits militants, creuser en résidence.",
    "legal_form": "Association",
    "publisher": f"Association On Est Raccord! · {TODO} adresse du siège]",
    "publication_director": f"{TODO} nom de la personne responsable de la publication]",
    "host": f"{TODO} nom, adresse et téléphone de l’hébergeur]",
    "rna": "[À compléter]",
}


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
                    link("La résidence de mars 2024", "/residences/mars-2024/"),
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
        "<b>Julie Dupeux-Harlé</b>, scripte, qui veut des plateaux plus conscients ;",
        "<b>Colin Destombe</b>, producteur, attentif à l’écologie des tournages ;",
        "<b>Paul Meigné</b>, permaculteur, qui rêve d’une révolution par le sol.",
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

LEGAL_BODY = [
    h("Éditeur du site"),
    p(
        "Ce site est publié par l’association On Est Raccord!.",
        f"Siège : {TODO} adresse du siège de l’association].",
        f"Numéro RNA ou SIRET : {TODO} numéro d’enregistrement de l’association].",
        f"Direction de la publication : {TODO} nom de la personne responsable].",
        'Contact : <a href="mailto:contact@onestraccord.org">contact@onestraccord.org</a>.',
    ),
    h("Hébergement"),
    p(
        "Le site fonctionne avec Raccord, un logiciel libre.",
        f"Hébergeur : {TODO} nom, adresse et téléphone de l’hébergeur].",
    ),
    h("Contenus"),
    p(
        "Les textes, films, planches et images appartiennent à leurs autrices et auteurs. Pour "
        "reprendre l’un d’eux, écrivez-nous : nous ferons suivre votre demande.",
        "Une erreur ou un contenu qui pose problème ? Dites-le-nous depuis la page "
        '<a href="/nous-rencontrer/">Nous rencontrer</a>.',
    ),
    h("Accessibilité"),
    p(
        "Ce site doit pouvoir se lire avec un lecteur d’écran comme au clavier. Si une page vous "
        "résiste, signalez-le : nous la corrigerons."
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


def _home(ctx) -> HomePage:
    """The site's home page, replacing Wagtail's « Welcome » placeholder on a fresh database."""
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
                search_description=IDENTITY["description"],
                **HOME,
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            ctx.created.append("HomePage")
        home = home.specific
        old_root = site.root_page if site else None
        hostname, port = site_url.address()
        if site is None:
            site = Site.objects.create(
                hostname=hostname,
                port=port,
                root_page=home,
                is_default_site=True,
                site_name=IDENTITY["name"],
            )
        else:
            site.root_page = home
            site.site_name = IDENTITY["name"]
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
        # A home page from an older version: give it the collective's content once.
        for field, value in HOME.items():
            setattr(home, field, value)
        home.save_revision().publish()
        ctx.created.append("HomePage content")
    ctx.site, ctx.home = site, home
    if site_url.align_default_site():
        ctx.site.refresh_from_db()
    return home


def _identity(ctx) -> None:
    """Write the collective's identity where the setting still holds its neutral defaults.

    Field by field: what the team already wrote in the admin is never replaced.
    """
    identity = SiteSettings.for_site(ctx.site)
    changed = []
    for field, value in IDENTITY.items():
        default = SiteSettings._meta.get_field(field).get_default()
        if getattr(identity, field) in ("", None, default) and getattr(identity, field) != value:
            setattr(identity, field, value)
            changed.append(field)
    if changed:
        identity.save()
        ctx.created.append(f"SiteSettings ({', '.join(changed)})")


def arrange_menu(home) -> None:
    """Put the top-level pages in the order a visitor reads them (fresh builds only)."""
    children = {page.slug: page for page in home.get_children()}
    for slug in OUT_OF_MENU & children.keys():
        page = children[slug]
        if page.show_in_menus:
            page.show_in_menus = False
            page.save(update_fields=["show_in_menus"])
    ordered = [children[slug] for slug in MENU_ORDER if slug in children]
    for previous, page in zip(ordered, ordered[1:], strict=False):
        page.refresh_from_db()
        previous.refresh_from_db()
        page.move(previous, pos="right")


def load(ctx) -> None:
    home = _home(ctx)
    _identity(ctx)
    ctx.page(
        home,
        StandardPage,
        slug="le-collectif",
        title="Le collectif",
        show_in_menus=True,
        intro="Des travailleur·ses du cinéma qui s’organisent pour que les films se fassent "
        "sans rapports de domination.",
        search_description="Qui est On Est Raccord!, d’où vient le collectif, ce qu’il entend "
        "par coopération et qui l’a fondé.",
        body=COLLECTIVE_BODY,
    )
    ctx.page(
        home,
        NewsIndexPage,
        slug="actualites",
        title="Actualités",
        show_in_menus=True,
        intro="Les nouvelles du collectif : soirées, films, résidences et rencontres.",
    )
    ctx.page(
        home,
        ContactPage,
        slug="nous-rencontrer",
        title="Nous rencontrer",
        show_in_menus=True,
        intro=CONTACT_INTRO,
        body=CONTACT_BODY,
        consent_text="J’accepte qu’On Est Raccord! conserve mon message et mon adresse pour me "
        "répondre, pendant trois ans au plus.",
        search_description="Écrire au collectif On Est Raccord! ou le rencontrer lors d’une "
        "soirée.",
    )
    ctx.page(
        home,
        StandardPage,
        slug="mentions-legales",
        title="Mentions légales",
        intro="Qui publie ce site, qui l’héberge, et comment nous joindre.",
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


def build(ctx):
    """Run every app's bootstrap loader, lowest layer first; `bootstrap_site` and `load_demo`."""
    from django.db import transaction

    from . import page_cache, registry

    for loader in registry.bootstrap:
        with transaction.atomic():
            loader.load(ctx)
    if ctx.created and ctx.home is not None:
        arrange_menu(ctx.home)
    if site_url.align_default_site() or ctx.created:
        # Pages added with add_child() send no publish signal: retire cached pages and
        # fragments (a shared Redis outlives this command) so visitors see the new content.
        page_cache.purge_all()
    return ctx
