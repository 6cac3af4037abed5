"""The team edits every core page type and the site settings from the admin, in French."""

import pytest
from wagtail.models import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.parametrize(
    "slug", ["accueil", "le-collectif", "actualites", "nous-rencontrer", "confidentialite"]
)
def test_each_page_type_opens_in_the_editor(team, demo_site, slug):
    page = Page.objects.get(slug=slug)
    response = team.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "Promotion" in response.content.decode()


def test_a_news_post_opens_in_the_editor(team, demo_site):
    from raccord.core.models import NewsPage

    post = NewsPage.objects.first()
    response = team.get(f"/admin/pages/{post.pk}/edit/")
    assert response.status_code == 200
    assert "Chapô" in response.content.decode() or "chapô" in response.content.decode()


def test_site_settings_are_editable(team, demo_site):
    response = team.get(f"/admin/settings/core/sitesettings/{demo_site.site.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Réseaux sociaux" in html and "BlueSky" in html


def test_the_messages_menu_is_in_the_sidebar(team, demo_site):
    html = team.get("/admin/").content.decode()
    assert "Messages" in html


def test_the_team_cannot_create_a_message_from_a_blank_form(team, demo_site):
    assert team.get("/admin/messages/new/").status_code in (302, 403)
