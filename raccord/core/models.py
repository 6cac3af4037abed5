"""Site furniture: home, standard, news and contact pages, site settings.

The outbox lives in outbox.py; the contact form and its messages belong to people.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.validators import RegexValidator
from django.db import models
from django.urls import path
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, PageManager, PageQuerySet, PageViewRestriction
from wagtail.search import index

from raccord.core.fields import optional_link

from . import registry
from .blocks import AxisBlock, BodyBlock, StandardBodyBlock, VerbBlock
from .health import WorkerHeartbeat  # noqa: F401  (registers the model with the core app)
from .outbox import OutgoingMail  # noqa: F401  (registers the model with the core app)


def elide(word: str, name: str) -> str:
    """« de » / « que » / « à » before a name, as French writes them: d’Atelier, du Bruit…"""
    articles = {
        "de": {"le ": "du ", "les ": "des "},
        "à": {"le ": "au ", "les ": "aux "},
    }
    lowered = name.lower()
    for article, contracted in articles.get(word, {}).items():
        if lowered.startswith(article):
            return contracted + name[len(article) :]
    if word in ("de", "que") and lowered[:1] in "aeiouyhàâéèêëîïôöûü" and lowered:
        return f"{word[:-1]}’{name}"
    return f"{word} {name}"


colour = RegexValidator(r"^#[0-9a-fA-F]{6}$", "Une couleur au format #rrggbb, par exemple #a3361f.")


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    """The collective's identity, in one place: every page, mail, calendar and feed reads it.

    Nothing else in the code names the collective (core/identity.py serves it cheaply);
    `manage.py bootstrap_site` writes the first collective's identity.
    """

    name = models.CharField(
        "nom du collectif",
        max_length=120,
        default="Notre collectif",
        help_text="Tel qu’il s’écrit partout : titres, e-mails, calendriers, flux.",
    )
    short_name = models.CharField(
        "nom court",
        max_length=40,
        blank=True,
        help_text="Pour les objets d’e-mail et les petits espaces ; le nom complet sinon.",
    )
    description = models.TextField(
        "présentation en une phrase",
        blank=True,
        help_text="Reprise par les moteurs de recherche et les partages quand une page n’en a pas.",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="logo",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    postal_address = models.TextField("adresse postale", blank=True)
    contact_email = models.EmailField("e-mail de contact", blank=True)
    primary_colour = models.CharField(
        "couleur principale",
        max_length=7,
        blank=True,
        validators=[colour],
        help_text="Liens, boutons, titres (#rrggbb). Vide : la couleur d’origine du thème.",
    )
    accent_colour = models.CharField(
        "couleur d’accent",
        max_length=7,
        blank=True,
        validators=[colour],
        help_text="Touches de couleur secondaires (#rrggbb). Vide : celle du thème.",
    )
    instagram_url = models.URLField("Instagram", blank=True)
    bluesky_url = models.URLField("BlueSky", blank=True)
    linkedin_url = models.URLField("LinkedIn", blank=True)
    mastodon_url = models.URLField("Mastodon", blank=True)
    footer_text = models.TextField("texte du pied de page", blank=True)
    donation_url = models.URLField("page de dons (HelloAsso…)", blank=True)
    legal_form = models.CharField(
        "forme juridique",
        max_length=120,
        blank=True,
        help_text="Par exemple : association loi 1901.",
    )
    publisher = models.TextField(
        "éditeur du site",
        blank=True,
        help_text="Nom et adresse du siège de la structure qui publie le site.",
    )
    publication_director = models.CharField(
        "direction de la publication", max_length=200, blank=True
    )
    host = models.TextField(
        "hébergeur", blank=True, help_text="Nom, adresse et téléphone de l’hébergeur du site."
    )
    siret = models.CharField("SIRET", max_length=20, blank=True)
    rna = models.CharField("numéro RNA", max_length=20, blank=True)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("short_name"),
                FieldPanel("description"),
                FieldPanel("logo"),
                FieldRowPanel([FieldPanel("primary_colour"), FieldPanel("accent_colour")]),
            ],
            heading="Identité",
        ),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("postal_address")], heading="Coordonnées"
        ),
        MultiFieldPanel(
            [
                FieldPanel("instagram_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("linkedin_url"),
                FieldPanel("mastodon_url"),
            ],
            heading="Réseaux sociaux",
        ),
        FieldPanel("footer_text"),
        FieldPanel("donation_url"),
        MultiFieldPanel(
            [
                FieldPanel("legal_form"),
                FieldPanel("publisher"),
                FieldPanel("publication_director"),
                FieldPanel("host"),
                FieldRowPanel([FieldPanel("siret"), FieldPanel("rna")]),
            ],
            heading="Mentions légales",
        ),
    ]

    class Meta:
        verbose_name = "identité et réglages du collectif"

    def __str__(self) -> str:
        return self.name

    @property
    def label(self) -> str:
        """The short name where space is scarce (mail subjects, calendar names)."""
        return self.short_name or self.name

    # French elision in sentences that name the collective: « l’équipe d’Atelier 7 »,
    # « l’infolettre du Bruit Qui Court », « qu’Atelier 7 conserve ».
    @property
    def of_name(self) -> str:
        return elide("de", self.name)

    @property
    def that_name(self) -> str:
        return elide("que", self.name)

    @property
    def to_name(self) -> str:
        return elide("à", self.name)

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Instagram", self.instagram_url),
            ("BlueSky", self.bluesky_url),
            ("LinkedIn", self.linkedin_url),
            ("Mastodon", self.mastodon_url),
        ]
        return [(label, url) for label, url in links if url]

    @property
    def has_theme(self) -> bool:
        return bool(self.primary_colour or self.accent_colour)


class RaccordPage(Page):
    """The base of every page type of the site."""

    # The query parameters this page type reads: the page cache keys on them and drops every
    # other one before the page sees the request (core/page_cache.py).
    cache_params: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def card(self):
        """How this page shows in a card elsewhere (core/cards.py); page types add their facts."""
        from .cards import default_card

        return default_card(self)

    def get_view_restrictions(self):
        # Wagtail asks on every page served (two queries); while no page of the site has a
        # restriction, the answer is known without asking (core/routing.py).
        from .routing import any_view_restriction

        if not any_view_restriction():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()


class RoutedPage(RoutablePageMixin):
    """A page whose sub-URLs (forms, thanks pages) are views the apps mount from their views.py.

    `registry.page_routes.add_route(PageModel, "merci/", view, name="thanks")`, called from the
    app's `ready()`: the page model never imports its views or forms (docs/architecture.md).
    Registered routes come before the ones declared on the class, so "" can replace the page's
    own rendering.
    """

    @classmethod
    def get_subpage_urls(cls):
        mounted = tuple(
            path(route.pattern, route.view, name=route.name)
            for route in registry.page_routes.for_model(cls)
        )
        return mounted + tuple(super().get_subpage_urls())


class HomePage(RaccordPage):
    intro = RichTextField(
        "qui sommes-nous",
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Deux ou trois phrases sous le nom du collectif.",
    )
    axes_heading = models.CharField(
        "titre des axes", max_length=120, blank=True, default="Nos trois axes"
    )
    axes = StreamField([("axis", AxisBlock())], blank=True, verbose_name="axes", max_num=6)
    verbs_heading = models.CharField(
        "titre des verbes", max_length=120, blank=True, default="Infuser, diffuser, creuser"
    )
    verbs_intro = models.TextField("introduction des verbes", blank=True)
    verbs = StreamField([("verb", VerbBlock())], blank=True, verbose_name="verbes", max_num=6)
    news_heading = models.CharField(
        "titre des actualités", max_length=120, blank=True, default="Dernières actualités"
    )
    call_heading = models.CharField(
        "titre de l’appel", max_length=120, blank=True, default="On vous retrouve ?"
    )
    call_text = models.TextField(
        "texte de l’appel",
        blank=True,
        help_text="Invitation à s’abonner à l’infolettre et à nous rencontrer.",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name="contenu complémentaire")

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("axes_heading"), FieldPanel("axes")], heading="Axes"),
        MultiFieldPanel(
            [FieldPanel("verbs_heading"), FieldPanel("verbs_intro"), FieldPanel("verbs")],
            heading="Infuser, diffuser, creuser",
        ),
        FieldPanel("news_heading"),
        MultiFieldPanel(
            [FieldPanel("call_heading"), FieldPanel("call_text")],
            heading="Appel : infolettre et rencontre",
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("verbs_intro"),
        index.SearchField("call_text"),
        index.SearchField("body"),
    ]
    max_count = 1

    class Meta:
        verbose_name = "page d’accueil"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Lazy: `.public()` queries view restrictions as soon as it is called, and the home's
        # body is usually a cached fragment (core/fragments.py) that never reads the list.
        context["latest_news"] = SimpleLazyObject(lambda: list(NewsPage.objects.latest(3)))
        return context


class StandardPage(RaccordPage):
    intro = models.TextField("chapô", blank=True)
    body = StreamField(StandardBodyBlock(), blank=True, verbose_name="contenu")

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = "page simple"
        verbose_name_plural = "pages simples"


class NewsIndexPage(RaccordPage):
    """`/actualites/`: the list of news posts, newest first, paginated."""

    intro = models.TextField("chapô", blank=True)
    per_page = 10
    cache_params = ("page",)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["core.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = "liste des actualités"
        verbose_name_plural = "listes des actualités"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        posts = NewsPage.objects.published().child_of(self).with_cards()
        paginator = Paginator(posts, self.per_page)
        try:
            page_obj = paginator.page(request.GET.get("page", 1))
        except (EmptyPage, PageNotAnInteger):
            page_obj = paginator.page(1)
        context.update(posts=page_obj.object_list, page_obj=page_obj, paginator=paginator)
        return context


class NewsPageQuerySet(PageQuerySet):
    def published(self):
        """Live, public posts, newest first: what visitors and the feed see."""
        return self.live().public().order_by("-date", "-first_published_at")

    def with_cards(self):
        return self.select_related("image").prefetch_related("image__renditions")

    def latest(self, count=3):
        return self.published().with_cards()[:count]


class NewsPage(RaccordPage):
    date = models.DateField("date", default=timezone.localdate)
    intro = models.TextField(
        "chapô", help_text="Une ou deux phrases, reprises dans la liste et le flux."
    )
    image = optional_link(
        "wagtailimages.Image",
        "image",
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name="contenu")

    objects = PageManager.from_queryset(NewsPageQuerySet)()

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("date")]),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["core.NewsIndexPage"]
    subpage_types: list = []

    class Meta:
        verbose_name = "actualité"
        verbose_name_plural = "actualités"
        ordering = ["-date"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        others = [post for post in NewsPage.objects.latest(4) if post.pk != self.pk]
        context["other_news"] = others[:3]
        return context


class ContactPage(RoutedPage, RaccordPage):
    """`/nous-rencontrer/`: ways to meet the collective and the contact form.

    The form, its messages and their admin belong to people (`people.views.ContactFormView`,
    mounted here from `PeopleConfig.ready()`); the page holds what the team writes around it.
    """

    intro = RichTextField("introduction", blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), blank=True, verbose_name="autres façons de nous rencontrer")
    consent_text = models.TextField(
        "phrase de consentement",
        default=(
            "J’accepte que le collectif conserve mon message et mon adresse pour me répondre, "
            "pendant trois ans au plus."
        ),
        help_text="Montrée à côté de la case à cocher ; chaque message garde la version acceptée.",
    )
    thanks_text = models.TextField(
        "message de remerciement",
        default="Merci, votre message est bien arrivé. L’équipe vous répond dès que possible.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                HelpPanel(
                    "Les messages reçus se trouvent dans le menu « Messages » de "
                    "l’administration ; l’équipe est prévenue par e-mail."
                ),
                FieldPanel("consent_text"),
                FieldPanel("thanks_text"),
            ],
            heading="Formulaire de contact",
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    max_count = 1
    subpage_types: list = []
    cache_params = ("envoye",)  # the thanks after a message (303 to `?envoye=1`)

    class Meta:
        verbose_name = "page de contact"
        verbose_name_plural = "pages de contact"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # After a message is sent the form answers 303 to `?envoye=1`: the thanks, no session.
        context["sent"] = request.method == "GET" and request.GET.get("envoye") == "1"
        return context
