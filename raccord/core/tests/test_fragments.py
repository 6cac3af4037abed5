"""Menu, footer and home body are shared between anonymous renders until content changes, and
Wagtail's routing reads nothing from the database that only a publish could change."""

import re

import pytest


def menu(html: str) -> list[str]:
    block = html.split('class="main-menu"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r">([^<]+)</a>", block)


@pytest.mark.django_db
def test_a_second_render_of_the_home_reuses_its_fragments(
    client, demo_site, fragments_on, django_assert_max_num_queries
):
    first = client.get("/").content.decode()
    with django_assert_max_num_queries(0):
        second = client.get("/").content.decode()
    assert second == first
    assert "Dernières actualités" in second and "Mentions légales" in second


@pytest.mark.django_db
def test_the_shared_menu_still_marks_the_section_of_each_page(client, demo_site, fragments_on):
    client.get("/")
    news = client.get("/actualites/soiree-soin-tournages-9-mars-2025/").content.decode()
    assert '<a href="/actualites/" aria-current="page">Actualités</a>' in news
    home = client.get("/").content.decode()
    assert 'aria-current="page">Actualités' not in home


@pytest.mark.django_db
def test_the_footer_form_records_the_page_it_was_sent_from(client, demo_site, fragments_on):
    client.get("/")
    html = client.get("/actualites/").content.decode()
    assert 'name="source" value="/actualites/" id="id_footer_source"' in html


@pytest.mark.django_db
def test_a_published_page_appears_in_the_menu_at_once(client, demo_site, fragments_on):
    from raccord.core.models import StandardPage

    before = menu(client.get("/").content.decode())
    page = StandardPage(title="Archives du collectif", slug="archives-du-collectif")
    demo_site.home.add_child(instance=page)
    page.show_in_menus = True
    page.save_revision().publish()
    after = menu(client.get("/").content.decode())
    assert "Archives du collectif" in after and "Archives du collectif" not in before


@pytest.mark.django_db
def test_reordering_the_menu_shows_the_new_order(client, demo_site, fragments_on):
    before = menu(client.get("/").content.decode())
    pages = demo_site.home.get_children().live().in_menu()
    last = pages.last()
    last.move(pages.first(), pos="left")
    after = menu(client.get("/").content.decode())
    assert after[0] == last.title and after != before


@pytest.mark.django_db
def test_saving_site_settings_updates_the_footer(client, demo_site, fragments_on):
    from raccord.core.models import SiteSettings

    client.get("/")
    settings_row = SiteSettings.for_site(demo_site.site)
    settings_row.footer_text = "Collectif en pause estivale jusqu’au 25 août."
    settings_row.save()
    assert "pause estivale" in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_visitor_with_a_session_gets_a_page_of_their_own(client, demo_site, fragments_on):
    from django.contrib.auth import get_user_model

    client.get("/")
    user = get_user_model().objects.create_user("benevole", password="x" * 12)
    client.force_login(user)
    html = client.get("/").content.decode()
    assert "csrfmiddlewaretoken" in html


@pytest.mark.django_db
def test_a_published_home_page_is_served_in_its_new_version(client, demo_site, fragments_on):
    client.get("/")
    home = demo_site.home.specific
    home.title = "On Est Raccord! Saison 2027"
    home.save_revision().publish()
    assert "Saison 2027" in client.get("/").content.decode()


@pytest.mark.django_db
def test_a_page_made_private_stops_being_shown_at_once(client, demo_site, fragments_on):
    from wagtail.models import PageViewRestriction

    from raccord.core.models import StandardPage

    page = StandardPage.objects.get(slug="le-collectif")
    assert "Julie Dupeux-Harlé" in client.get(page.url).content.decode()
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-du-collectif"
    )
    html = client.get(page.url).content.decode()
    assert "Julie Dupeux-Harlé" not in html
    assert 'type="password"' in html


@pytest.mark.django_db
def test_changing_newsletter_topics_updates_the_footer_form(client, demo_site, fragments_on):
    from raccord.newsletter.models import Topic

    client.get("/")
    Topic.objects.create(slug="projections-bretagne", name="Projections en Bretagne", public=True)
    assert "Projections en Bretagne" in client.get("/").content.decode()


def test_every_page_type_of_the_site_derives_from_raccord_page():
    from wagtail.models import get_page_models

    from raccord.core.models import RaccordPage

    ours = [m for m in get_page_models() if m.__module__.startswith("raccord.")]
    assert ours and all(issubclass(m, RaccordPage) for m in ours), [
        m.__name__ for m in ours if not issubclass(m, RaccordPage)
    ]
