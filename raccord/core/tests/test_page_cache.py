"""Anonymous pages come from the page cache until content changes; sessions bypass it."""

import pytest

from raccord.core import page_cache


@pytest.mark.django_db
def test_second_anonymous_visit_is_served_from_the_cache(
    client, site, page_cache_on, django_assert_num_queries
):
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    assert "public" in first["Cache-Control"]
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert not second.cookies


@pytest.mark.django_db
def test_publishing_a_page_purges_the_cache(client, site, page_cache_on):
    client.get("/")
    home = site.root_page.specific
    home.title = "On Est Raccord! Nouvelle saison"
    home.save_revision().publish()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Nouvelle saison" in response.content.decode()


@pytest.mark.django_db
def test_purging_one_path_leaves_the_others_cached(client, site, page_cache_on):
    client.get("/")
    client.get("/?page=2")
    page_cache.purge_paths("/")
    assert client.get("/")["X-Page-Cache"] == "miss"


@pytest.mark.django_db
def test_visitors_with_a_session_always_get_a_fresh_page(client, site, page_cache_on):
    client.get("/")
    client.cookies["sessionid"] = "whatever"
    response = client.get("/")
    assert "X-Page-Cache" not in response


@pytest.mark.django_db
def test_admin_and_health_are_never_cached(client, site, page_cache_on):
    client.get("/healthz")
    assert "X-Page-Cache" not in client.get("/healthz")


@pytest.mark.django_db
def test_saving_site_settings_purges_the_cache(client, site, page_cache_on):
    from raccord.core.models import SiteSettings

    client.get("/")
    row = SiteSettings.for_site(site)
    row.footer_text = "Fermeture estivale du local jusqu’au 25 août."
    row.save()
    response = client.get("/")
    assert response["X-Page-Cache"] == "miss"
    assert "Fermeture estivale" in response.content.decode()


@pytest.mark.django_db
def test_a_purge_inside_a_transaction_bumps_again_at_commit(
    page_cache_on, django_capture_on_commit_callbacks
):
    """A render between the first bump and the commit may store old content: it must not last."""
    before = page_cache.global_version()
    with django_capture_on_commit_callbacks(execute=True):
        page_cache.purge_all()
        during = page_cache.global_version()
    assert before < during < page_cache.global_version()
