"""The one aggregation rule: no figure shown to others tells a person's private answer."""

from raccord.core import aggregation


def test_a_total_needs_a_group_of_at_least_five(settings):
    assert aggregation.total(2, 4) is None
    assert aggregation.total(2, 5) == 2
    settings.RACCORD_MIN_GROUP_SIZE = 8
    assert aggregation.total(2, 5) is None


def test_none_or_all_of_the_group_is_suppressed_too():
    assert aggregation.total(0, 9) is None  # "none of the 9" tells each one's answer
    assert aggregation.total(9, 9) is None  # so does "all 9"
    assert aggregation.total(4, 9) == 4


def test_a_breakdown_hides_small_cells_and_what_would_give_them_away():
    assert aggregation.breakdown([6, 2, 5]) == [6, None, None]  # 2 hidden, the next smallest too
    assert aggregation.breakdown([6, 2, 3]) == [6, None, None]
    assert aggregation.breakdown([5, 0, 7]) == [5, 0, 7]
    assert aggregation.breakdown([1, 2]) == [None, None]  # group of 3
    assert aggregation.breakdown([0, 7]) == [None, None]  # everyone gave the same answer
