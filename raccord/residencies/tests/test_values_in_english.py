"""Stored values are English; the migrations convert existing rows both ways (issue 16)."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from raccord.residencies import services
from raccord.residencies.models import (
    Application,
    BudgetLine,
    Crew,
    CrewMember,
    FundingSource,
    Opinion,
    ParityGrid,
    ResidencyOutput,
)

BEFORE = [
    ("residencies", "0003_residencies_calls_crews_budget"),
    ("plateau", "0002_default_data"),
]


def _migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


def _stored(residency, member, rate):
    from raccord.plateau.models import CrewMember as PlateauMember
    from raccord.plateau.models import EmissionFactor, PayGridRate, PayLine

    application = Application.objects.values("status", "diet", "diversity").get()
    revision = residency.revisions.order_by("-pk").values_list("content", flat=True).first()
    return {
        "role": sorted(residency.calls.get().roles.values_list("role", flat=True)),
        "status": application["status"],
        "diet": application["diet"],
        "diversity": application["diversity"],
        "verdict": Opinion.objects.values_list("verdict", flat=True).get(),
        "position": CrewMember.objects.values_list("position", "counts_as_woman").get(),
        "grid": set(ParityGrid.objects.get(is_default=True).posts.values_list("code", flat=True)),
        "output": ResidencyOutput.objects.values_list("kind", flat=True).get(),
        "revision_output": revision["outputs"][0]["kind"],
        "budget": BudgetLine.objects.values_list("category", flat=True).get(),
        "funding": FundingSource.objects.values_list("kind", "status").get(),
        "parity_post": PlateauMember.objects.values_list("parity_post", flat=True).get(pk=member),
        "factors": set(EmissionFactor.objects.values_list("code", flat=True)),
        "pay": (
            PayGridRate.objects.values_list("code", flat=True).get(pk=rate),
            PayLine.objects.values_list("grid_code", flat=True).get(),
        ),
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migrations_turn_french_codes_into_english_ones_and_back(residency, call, apply_as):
    from datetime import date

    from raccord.plateau.models import PayGrid, PayGridRate, PayLine, Production
    from raccord.plateau.tests.conftest import add_member

    application = apply_as(
        roles=["sound"], diet="vegan", diversity_consent=True, diversity={"gender": "non_binary"}
    )
    services.decide(application, "accepted")
    from django.contrib.auth import get_user_model

    reviewer = get_user_model().objects.create_user("alix")
    services.give_opinion(application, reviewer, "maybe")
    crew = Crew.objects.create(residency=residency, film_title="Sur écoute")
    services.add_to_crew(crew, application, "directing", counts_as_woman="yes")
    residency.outputs = [ResidencyOutput(kind="comic", title="Planches")]
    residency.save_revision().publish()
    BudgetLine.objects.create(residency=residency, category="meals", label="Repas", amount=10)
    FundingSource.objects.create(
        residency=residency, kind="event_takings", name="Soirée", amount=5, status="granted"
    )
    production = Production.objects.create(title="Sur écoute")
    member = add_member(production, "ana@example.org", "Ana", parity_post="sound").pk
    grid = PayGrid.objects.create(effective_from=date(2025, 1, 1))
    rate = PayGridRate.objects.create(
        grid=grid, code="editor", position="Montage", weekly_minimum=1
    )
    PayLine.objects.create(
        production=production, position="Montage", grid_code="editor", agreed_weekly_pay=1
    )
    english = _stored(residency, member, rate.pk)

    _migrate(BEFORE)
    french = _stored(residency, member, rate.pk)
    assert french["role"] == ["cuisine", "realisation", "son"]
    assert (french["status"], french["diet"]) == ("retenue", "vegetalien")
    assert french["diversity"] == {"genre": "non_binaire"}
    assert french["verdict"] == "peut_etre"
    assert french["position"] == ("realisation", "oui")
    assert {"realisation", "son", "montage"} <= french["grid"]
    assert {"autocar", "repas-vegetarien"} <= french["factors"]
    assert french["output"] == french["revision_output"] == "bd"
    assert french["budget"] == "repas"
    assert french["funding"] == ("soiree", "accorde")
    assert french["parity_post"] == "son"
    assert french["pay"] == ("monteur", "monteur")

    _migrate()
    assert _stored(residency, member, rate.pk) == english
    assert english["diversity"] == {"gender": "non_binary"}
    assert english["revision_output"] == "comic"
    assert {"directing", "sound", "editing"} <= english["grid"]
    assert {"coach", "meal-vegetarian"} <= english["factors"]
