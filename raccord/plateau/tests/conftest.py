"""Two productions with their crews, and a way to sign a test client in as a member."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from raccord.people.services import find_or_create
from raccord.plateau.models import CrewMember, Production
from raccord.plateau.services import SESSION_KEY, SESSION_VERSION_KEY


def add_member(production, email, name, role=CrewMember.Role.MEMBER, **fields):
    contact = find_or_create(email=email, name=name)
    return CrewMember.objects.create(
        production=production,
        contact=contact,
        role=role,
        status=CrewMember.Status.ACTIVE,
        joined_at=timezone.now(),
        **fields,
    )


def sign_in(client, member):
    session = client.session
    session[SESSION_KEY] = member.pk
    session[SESSION_VERSION_KEY] = member.access_version
    session.save()
    return client


@pytest.fixture
def production(db):
    return Production.objects.create(
        title="Récolter la tempête",
        slug="recolter-la-tempete",
        location="Bascule Argoat",
        first_shooting_day=timezone.localdate() - timedelta(days=2),
        last_shooting_day=timezone.localdate() + timedelta(days=10),
    )


@pytest.fixture
def other_production(db):
    return Production.objects.create(
        title="Sur écoute", slug="sur-ecoute", first_shooting_day=date(2026, 4, 1)
    )


@pytest.fixture
def crew(production):
    """Facilitation, coordination, a referent and two members: five people."""
    return {
        "facilitator": add_member(
            production, "julie@example.org", "Julie", CrewMember.Role.FACILITATION
        ),
        "coordinator": add_member(
            production, "colin@example.org", "Colin", CrewMember.Role.COORDINATION
        ),
        "referent": add_member(
            production,
            "romane@example.org",
            "Romane",
            is_vhss_referent=True,
            referent_phone="06 00 00 00 01",
        ),
        "ana": add_member(production, "ana@example.org", "Ana", position="Scripte"),
        "paul": add_member(production, "paul@example.org", "Paul"),
    }


@pytest.fixture
def outsider(other_production):
    return add_member(other_production, "zoe@example.org", "Zoé", CrewMember.Role.FACILITATION)


@pytest.fixture
def as_member(client):
    def login(member):
        return sign_in(client, member)

    return login
