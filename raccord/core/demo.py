"""The collective's home page and site furniture."""

from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from .models import HomePage, SiteSettings

DEMO_ADMIN = ("admin", "raccord-demo")


def load(ctx) -> None:
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
                intro="<p>Un collectif de travailleuses et travailleurs du cinéma qui lutte contre les "
                "rapports de domination par la coopération.</p>",
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
    ctx.site, ctx.home = site, home

    settings_obj = SiteSettings.for_site(site)
    if not settings_obj.instagram_url:
        settings_obj.instagram_url = "https://www.instagram.com/on_est_raccord/"
        settings_obj.save()

    User = get_user_model()
    if not User.objects.filter(username=DEMO_ADMIN[0]).exists():
        User.objects.create_superuser(
            DEMO_ADMIN[0], "admin@onestraccord.org", DEMO_ADMIN[1], first_name="Équipe"
        )
        ctx.created.append("admin user")
