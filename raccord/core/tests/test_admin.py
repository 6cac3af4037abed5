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


def test_demo_content_passes_the_editor_validation(demo_site):
    """A volunteer must be able to publish every demo page as it stands."""
    from wagtail.fields import StreamField

    for page in Page.objects.filter(depth__gte=2).specific():
        page.full_clean()
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                value = getattr(page, field.name)
                field.stream_block.clean(value)


def test_a_button_accepts_a_site_path_but_not_nonsense():
    from django.core.exceptions import ValidationError

    from raccord.core.blocks import validate_path_or_url

    for good in ("/soirees/", "https://onestraccord.org/", "mailto:contact@onestraccord.org", ""):
        validate_path_or_url(good)
    for bad in ("soirees", "//evil.example", "javascript:alert(1)"):
        with pytest.raises(ValidationError):
            validate_path_or_url(bad)
