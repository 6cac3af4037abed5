"""Public pages run a bounded number of queries, however many news posts exist."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

HOME_BUDGET = 12  # measured: 8 (site, page, menu, news, settings, view restrictions)
NEWS_BUDGET = 15  # measured: 12


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_home_queries_do_not_grow_with_news(client, add_news, django_assert_max_num_queries):
    add_news(3)
    client.get("/")  # warm Wagtail's per-process caches (site root paths)
    few = count_queries(client, "/")
    add_news(30)
    many = count_queries(client, "/")
    assert many == few
    with django_assert_max_num_queries(HOME_BUDGET):
        client.get("/")


def test_news_page_queries_do_not_grow_with_news(client, add_news, django_assert_max_num_queries):
    add_news(3)
    url = "/actualites/soiree-soin-tournages-9-mars-2025/"
    client.get(url)
    few = count_queries(client, url)
    add_news(30)
    many = count_queries(client, url)
    assert many == few
    with django_assert_max_num_queries(NEWS_BUDGET):
        client.get(url)


def test_news_index_queries_do_not_grow_with_news(client, add_news):
    add_news(3)
    client.get("/actualites/")
    few = count_queries(client, "/actualites/")
    add_news(30)
    assert count_queries(client, "/actualites/") == few
