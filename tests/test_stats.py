"""The statistics of the evidence rules (domain/stats.py): the permutation test in closed
form against the exact permutation p, and Holm's correction against known values."""

from __future__ import annotations

import random
from itertools import combinations

import pytest

from selvleder.domain.stats import Pool, holm, permutation_p, two_groups_p


def exact_p(first: list[int], second: list[int]) -> float:
    """The exact two-sided permutation p: the share of all ways to pick len(first) of the
    logs whose sum is at least as far from its expectation as the observed one."""
    levels = [*first, *second]
    n, m = len(levels), len(first)
    mu = sum(levels) / n
    observed = abs(sum(first) - m * mu)
    hits = total = 0
    for group in combinations(levels, m):
        total += 1
        if abs(sum(group) - m * mu) >= observed - 1e-9:
            hits += 1
    return hits / total


# Tolerance, measured on these seeds: on tiny samples (8-14 logs, groups of 3-7) the
# normal approximation stays within 0.25 of the exact p, and within 0.05 where it
# matters (exact p below 0.1). On samples of the size the coach meets (15-20 logs and
# more, groups of 3-5, some with a planted shift) it stays within 0.035 where the exact
# p is below 0.1, and is never more than 0.005 below it (it claims no more than the
# exact test would).
@pytest.mark.parametrize("seed", range(0, 200, 5))
def test_the_closed_form_agrees_with_the_exact_permutation_p_on_tiny_samples(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randint(8, 14)
    m = rng.randint(3, min(7, n - 3))
    levels = [rng.randint(1, 5) for _ in range(n)]
    first, second = levels[:m], levels[m:]
    exact, approx = exact_p(first, second), two_groups_p(first, second)
    assert abs(exact - approx) <= 0.25, (first, second, exact, approx)
    if exact < 0.1:
        assert abs(exact - approx) <= 0.05, (first, second, exact, approx)


def test_the_closed_form_agrees_with_the_exact_permutation_p_on_real_sizes() -> None:
    compared = 0
    for seed in range(300):
        rng = random.Random(seed)
        n = rng.randint(15, 20)
        m = rng.randint(3, 5)
        levels = [rng.randint(1, 5) for _ in range(n)]
        first = [min(5, max(1, v - rng.randint(0, 2))) for v in levels[:m]]
        second = levels[m:]
        exact, approx = exact_p(first, second), two_groups_p(first, second)
        if exact < 0.1:
            compared += 1
            assert abs(exact - approx) <= 0.035, (first, second, exact, approx)
            assert approx >= exact - 0.005, (first, second, exact, approx)
    assert compared >= 30  # the comparison covered the region where claims are made


def test_known_values() -> None:
    # 8 logs at 1 with a tag, 8 at 3 without: mean 2, population variance 1
    first, second = [1] * 8, [3] * 8
    # the closed form: z = (|8 - 16| - 0.5) / sqrt(8 * 1 * 8 / 15) = 7.5 / 2.0656 = 3.631
    assert permutation_p(8, 8, 16, 2.0, 1.0) == pytest.approx(0.000282, abs=2e-6)
    # what the test reports for so small a group: the exact count, 2 of C(16, 8) groups
    p = two_groups_p(first, second)
    assert p == pytest.approx(2 / 12870)
    assert exact_p([1, 1, 1], [3, 3, 3]) == pytest.approx(2 / 20)
    # the tiniest case: the approximation says 0.062, the exact count 0.1 (no claim)
    assert permutation_p(3, 3, 6, 2.0, 1.0) == pytest.approx(0.0624, abs=0.0005)
    assert two_groups_p([1, 1, 1], [3, 3, 3]) == pytest.approx(0.1)
    # the same data in the other order gives the same p (two-sided)
    assert two_groups_p(second, first) == pytest.approx(p)


def test_no_evidence_without_a_difference_or_without_variance() -> None:
    assert two_groups_p([3, 3, 3], [3, 3, 3, 3]) == 1.0
    assert two_groups_p([2, 4, 3], [3, 3, 3]) == 1.0
    assert permutation_p(0, 0, 10, 3.0, 1.0) == 1.0
    assert permutation_p(10, 30, 10, 3.0, 1.0) == 1.0


def test_three_equal_levels_are_not_evidence_on_their_own() -> None:
    """Welch's t would call three logs at 5 among uniform levels a sure difference; the
    permutation test, with the pooled variance, does not."""
    rng = random.Random(7)
    others = [rng.randint(1, 5) for _ in range(40)]
    assert two_groups_p([5, 5, 5], others) > 0.01


def test_the_pool_gives_the_same_p_as_the_two_groups() -> None:
    first, second = [1, 2, 2, 1], [4, 5, 3, 4, 4]
    pool = Pool([*first, *second])
    assert pool.count == 9 and pool.mean == pytest.approx(26 / 9)
    assert pool.p_value(len(first), sum(first)) == two_groups_p(first, second)


def test_holm_known_values() -> None:
    assert holm([]) == []
    assert holm([0.01]) == [0.01]
    # sorted 0.01, 0.02, 0.03, 0.2 -> 0.04, 0.06, 0.06 (kept monotone), 0.2
    adjusted = holm([0.03, 0.01, 0.2, 0.02])
    assert adjusted == pytest.approx([0.06, 0.04, 0.2, 0.06])
    assert holm([0.5, 0.6]) == pytest.approx([1.0, 1.0])


def test_holm_keeps_false_claims_rare_on_noise() -> None:
    """Twenty null tests: the chance that any is claimed stays near alpha or below."""
    rng = random.Random(1)
    families = 300
    claimed = 0
    for _ in range(families):
        adjusted = holm([rng.random() for _ in range(20)])
        claimed += any(p <= 0.05 for p in adjusted)
    assert claimed / families <= 0.08


# -- the exact count where the approximation would claim too much ----------------------------


@pytest.mark.parametrize("seed", range(60))
def test_the_exact_count_is_the_enumerated_permutation_p(seed: int) -> None:
    """On skewed levels too (mostly 4s and 5s, an odd 1), where the normal tail fails."""
    from selvleder.domain.stats import exact_p as counted

    rng = random.Random(seed)
    n = rng.randint(6, 15)
    m = rng.randint(1, n - 1)
    levels = [rng.choice((1, 2, 4, 4, 4, 5, 5, 5)) for _ in range(n)]
    counts = [levels.count(v) for v in (1, 2, 3, 4, 5)]
    assert counted(counts, m, sum(levels[:m])) == pytest.approx(
        exact_p(levels[:m], levels[m:]), abs=1e-12
    )


def test_one_bad_day_in_a_small_group_is_not_a_pattern() -> None:
    """Three logs, one at 1, among a hundred 4s and 5s: the normal tail says 0.0006, the
    exact permutation p (the share of all 3-log groups as far from the mean) is 0.013,
    which no correction for a window's tests lets pass."""
    rng = random.Random(1)
    others = [rng.choice((4, 4, 4, 5)) for _ in range(97)]
    pool = Pool([*others, 1, 4, 4])
    approx = permutation_p(3, 9, pool.count, pool.mean, pool.variance)
    assert approx < 0.001
    assert pool.p_value(3, 9) == pytest.approx(0.013265, abs=1e-6)
    assert two_groups_p([1, 4, 4], others) == pool.p_value(3, 9)


def test_a_week_with_one_bad_day_is_not_lower_than_the_weeks_before() -> None:
    """The energy direction uses the same test: 4, 4, 1 against twenty 4s and 5s."""
    before = [4, 5, 4, 4, 5, 4, 4, 5, 4, 4, 4, 5, 4, 4, 5, 4, 4, 4, 5, 4]
    assert two_groups_p([4, 4, 1], before) > 0.05
