"""Fixtures: a residency under /residences/ with an open call, reviewers, applications."""

from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from raccord.residencies.models import Call, CallRole, ResidencyIndexPage, ResidencyPage


@pytest.fixture
def residency_index(site):
    home = site.root_page
    existing = home.get_children().filter(slug="residences").first()
    if existing:
        return existing.specific
    index = ResidencyIndexPage(title="Résidences", slug="residences", show_in_menus=True)
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def residency(residency_index):
    page = ResidencyPage(
        title="Créer des films en coopération",
        slug="printemps-2026",
        period_label="printemps 2026",
        place="Bretagne",
        intro="Une résidence pour tourner des courts métrages en coopération.",
        start_date=date(2026, 4, 20),
        end_date=date(2026, 5, 3),
    )
    residency_index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def call(residency):
    now = timezone.now()
    call = Call.objects.create(
        residency=residency,
        title="Appel à participation",
        opens_at=now - timedelta(days=3),
        closes_at=now + timedelta(days=30),
    )
    for order, (role, places) in enumerate([("directing", 2), ("sound", 2), ("cooking", 1)]):
        CallRole.objects.create(call=call, role=role, places=places, sort_order=order)
    return call


@pytest.fixture
def make_reviewer(db):
    User = get_user_model()

    def make(username):
        return User.objects.create_user(username, f"{username}@onestraccord.org", "pw-Raccord-2026")

    return make


@pytest.fixture
def reviewers(make_reviewer):
    return make_reviewer("alix"), make_reviewer("bao"), make_reviewer("cam")


@pytest.fixture
def apply_as(call):
    from raccord.residencies import services

    def apply(email="lea@example.org", name="Léa Martin", roles=("sound",), **extra):
        fields = {"motivation": "Tourner autrement, à plusieurs.", **extra}
        application, _ = services.apply(call, email=email, name=name, roles=list(roles), **fields)
        return application

    return apply
