"""The demo: March 2024 replaces the standard page, the next residency has an open call."""

import pytest
from django.utils import timezone

from raccord.residencies import demo
from raccord.residencies.models import Call, FundingSource, ResidencyPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def ctx(site):
    from wagtail.models import Site

    from raccord.core.demo_support import DemoContext

    context = DemoContext()
    context.site = site
    context.home = Site.objects.get(pk=site.pk).root_page.specific
    return context


def test_the_demo_loads_twice_without_change(ctx, client):
    from wagtail.contrib.redirects.models import Redirect

    from raccord.core.models import StandardPage

    home = ctx.home
    if not home.get_children().filter(slug="residence-mars-2024").exists():
        old = StandardPage(title="La résidence de mars 2024", slug="residence-mars-2024")
        home.add_child(instance=old)
        old.save_revision().publish()
    demo.load(ctx)
    counts = (ResidencyPage.objects.count(), Call.objects.count(), FundingSource.objects.count())
    demo.load(ctx)
    assert counts == (
        ResidencyPage.objects.count(),
        Call.objects.count(),
        FundingSource.objects.count(),
    )
    assert counts[0] == 2
    assert Redirect.objects.filter(old_path="/residence-mars-2024").count() == 1
    response = client.get("/residence-mars-2024/")
    assert response.status_code == 301
    assert response["Location"].endswith("/residences/mars-2024/")

    march = ResidencyPage.objects.get(slug="mars-2024")
    assert march.participant_total == 30
    assert march.partners.count() == 6
    html = client.get(march.url).content.decode()
    assert "Bascule Argoat" in html and "Romane Rostoll" in html

    following = ResidencyPage.objects.get(slug="creer-des-films-en-cooperation")
    call = following.calls.get()
    assert call.is_open()
    assert following.period_label.startswith("printemps ")
    assert int(following.period_label.split()[-1]) > call.closes_at.year - 1
    assert following.start_date > call.closes_at.date()
    assert 0 < following.funding_totals()["percent"] < 100
    assert call.closes_at > timezone.now()


def test_next_spring_leaves_a_month_after_the_call():
    from datetime import date

    assert demo.next_spring(date(2026, 1, 24)) == 2026
    assert demo.next_spring(date(2027, 1, 24)) == 2027
    assert demo.next_spring(date(2026, 3, 1)) == 2027
