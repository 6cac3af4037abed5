"""Past soirées: twelve per page, older ones a link away, without JavaScript."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_older_past_soirees_are_on_the_next_pages(client, index, make_event):
    now = timezone.now()
    for n in range(14):
        make_event(title=f"Soirée passée {n:02d}", start=now - timedelta(days=30 * (n + 1)))

    first = client.get(index.url).content.decode()
    assert "Soirée passée 00" in first and "Soirée passée 11" in first
    assert "Soirée passée 12" not in first
    nav = re.search(
        r'<nav class="pagination" aria-label="Pages des soirées passées">.*?</nav>', first, re.S
    )
    assert nav, "no pagination for the past soirées"
    assert 'aria-current="page">Page 1<' in nav.group(0)
    older = re.search(r'href="([^"]+)" rel="next">Soirées plus anciennes', nav.group(0)).group(1)

    second = client.get(index.url + older.replace("&amp;", "&")).content.decode()
    assert "Soirée passée 12" in second and "Soirée passée 13" in second
    assert "Soirée passée 00" not in second
    assert "Soirées plus récentes" in second
