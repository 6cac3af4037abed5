"""The parity score of sample crews against the CNC fiction grid."""

import pytest

from raccord.residencies import parity
from raccord.residencies.models import ParityGrid

FULL_CREW = [
    ("directing", True),
    ("producer_representative", False),
    ("screenwriting", True),
    ("production_management", False),
    ("cinematography", True),
    ("sound", False),
    ("costume_design", True),
    ("production_design", False),
    ("editing", False),
]


def test_a_woman_director_and_three_women_heads_reach_the_threshold():
    result = parity.score(parity.default_spec(), FULL_CREW)
    assert result.score == 5
    assert result.threshold == 5
    assert result.max_score == 10
    assert result.reached
    assert result.missing == 0
    assert {line.code for line in result.changes} == {
        "producer_representative",
        "production_management",
        "sound",
        "production_design",
        "editing",
    }


def test_a_man_director_leaves_the_crew_below_the_threshold_and_says_what_would_change():
    crew = [("directing", False), *FULL_CREW[1:]]
    result = parity.score(parity.default_spec(), crew)
    assert result.score == 3
    assert not result.reached
    assert result.missing == 2
    director = next(line for line in result.changes if line.code == "directing")
    assert director.status == "not_woman"
    assert director.gain == 2


def test_vacant_and_undeclared_posts_score_nothing_and_are_reported():
    result = parity.score(parity.default_spec(), [("directing", True), ("sound", None)])
    assert result.score == 2
    statuses = {line.code: line.status for line in result.lines}
    assert statuses["sound"] == "undeclared"
    assert statuses["editing"] == "vacant"
    assert statuses["directing"] == "counted"


def test_shared_posts_earn_points_in_proportion_and_unknown_posts_are_ignored():
    result = parity.score(
        parity.default_spec(),
        [("directing", True), ("directing", False), ("cooking", True)],
    )
    assert result.score == 1
    assert result.lines[0].holders == 2


@pytest.mark.django_db
def test_the_default_grid_is_loaded_as_editable_data():
    grid = ParityGrid.default()
    assert grid is not None
    assert grid.threshold == 5
    assert grid.max_score == 10
    assert grid.posts.get(code="directing").points == 2
    assert "vérifier" in grid.source_note
    grid.posts.filter(code="editing").update(points=2)
    grid = ParityGrid.objects.get(pk=grid.pk)
    assert grid.score([("editing", True)]).score == 2
