"""The statistics behind every energy claim: a test of "no difference in mean level"
between two groups of logs, and Holm's correction for testing many at once.

Pure and stdlib only (``math``), imported by ``domain.energy`` on the report paths.

Why this test: energy levels are small integers (1-5) and a group may have only 3
logs. Welch's t-test estimates each group's variance on its own; three logs at the
same level (4 % of the time on uniform data) have variance 0 and make nearly any
difference "significant". A permutation test asks instead how often a random group
of the same size, drawn from the same logs, would differ as much; it uses the
variance of all logs together. Its exact distribution of the group sum S (group of
m logs among N, all levels pooled with mean mu and variance sigma² over N) has
mean m·mu and variance m·sigma²·(N − m)/(N − 1), so the p-value comes from the
normal tail in closed form: no resampling, no seed, the same answer every run, and
the cost of one pass over the logs. S is an integer, so the distance is reduced by
a continuity correction of 0.5.

The normal tail is too small for a small group among skewed levels (three logs, one
of them a 1, among a hundred 4s and 5s: 0.0006 where the exact p is 0.013), and a
small group is where a claim from one bad day would come from. So where it could
matter (the approximate p below ``EXACT_BELOW``, the smaller side at most
``EXACT_GROUP`` logs) the exact permutation p is counted instead: levels are only
1-5, so the distribution of the smaller side's sum is a product of five binomial
polynomials (``exact_p``), a few hundred big-integer operations. Elsewhere the
approximation is close (a large group, or a p far from any claim).
``tests/test_stats.py`` checks both against the exact permutation p enumerated with
``itertools.combinations``.

Why Holm (family-wise error rate) rather than Benjamini-Hochberg: the promise is "no
claim from noise"; on pure noise both control the same thing, and Holm's step-down
rule is simple and never claims more than BH would at the same alpha.
"""

from __future__ import annotations

import math

ALPHA = 0.05
TEST_NAME = (
    "permutation test (exact for small groups, else normal approximation), "
    "Holm-corrected, alpha 0.05"
)
EXACT_BELOW = 0.2  # count the exact p when the approximation is below this ...
EXACT_GROUP = 40  # ... and the smaller side has at most this many logs
LEVELS = (1, 2, 3, 4, 5)


class Pool:
    """All levels of a window, summed once: count, sum and sum of squares."""

    __slots__ = ("count", "levels", "squares", "total")

    def __init__(self, levels: list[int]) -> None:
        self.count = len(levels)
        self.total = sum(levels)
        self.squares = sum(v * v for v in levels)
        self.levels = [levels.count(v) for v in LEVELS]  # how many logs at each level

    @property
    def mean(self) -> float:
        return self.total / self.count if self.count else 0.0

    @property
    def variance(self) -> float:
        """The population variance of all levels (divided by N, as the permutation
        distribution needs)."""
        if not self.count:
            return 0.0
        return max(0.0, self.squares / self.count - self.mean**2)

    def p_value(self, group_count: int, group_total: int) -> float:
        """Two-sided p of "this group's mean is no different from the others'": the group
        is ``group_count`` of the pooled logs with levels summing to ``group_total``."""
        p = permutation_p(group_count, group_total, self.count, self.mean, self.variance)
        smaller = min(group_count, self.count - group_count)
        if p < EXACT_BELOW and 0 < smaller <= EXACT_GROUP and sum(self.levels) == self.count:
            return exact_p(self.levels, group_count, group_total)
        return p


def permutation_p(m: int, total: int, n: int, mu: float, variance: float) -> float:
    """Two-sided p of the permutation test of a group of ``m`` logs (levels summing to
    ``total``) among ``n`` logs with mean ``mu`` and population variance ``variance``;
    normal approximation of the exact permutation distribution, continuity-corrected."""
    if m <= 0 or m >= n or variance <= 0.0:
        return 1.0  # nothing to compare, or every level equal: no evidence of a difference
    sd = math.sqrt(m * variance * (n - m) / (n - 1))
    distance = abs(total - m * mu) - 0.5
    if distance <= 0.0:
        return 1.0
    return min(1.0, math.erfc(distance / sd / math.sqrt(2.0)))


def exact_p(levels: list[int], m: int, total: int) -> float:
    """The exact two-sided permutation p of a group of ``m`` logs with levels summing to
    ``total``, among logs with ``levels[i]`` logs at level i + 1: the share of all
    C(N, m) groups of that size whose sum lies at least as far from m·mu.

    The sum is counted for the smaller side (the other side's sum is fixed by it). For
    each level, choosing j of its c logs adds j logs and j·level to the sum in C(c, j)
    ways; ``ways[k]`` holds, for k logs chosen so far, the number of ways to reach each
    sum as one big integer, a digit of ``width`` bits per sum (no count exceeds C(N, m),
    so digits never carry into each other)."""
    n = sum(levels)
    grand = sum(level * count for level, count in zip(LEVELS, levels, strict=True))
    if m > n - m:  # count the other side
        m, total = n - m, grand - total
    if m <= 0:
        return 1.0
    all_groups = math.comb(n, m)
    width = all_groups.bit_length() + 1
    ways = [1] + [0] * m
    for level, count in zip(LEVELS, levels, strict=True):
        if not count:
            continue
        step = level * width
        choose = [math.comb(count, j) for j in range(min(count, m) + 1)]
        after = [0] * (m + 1)
        for k, poly in enumerate(ways):
            if poly:
                for j, c in enumerate(choose[: m - k + 1]):
                    after[k + j] += (poly * c) << (j * step)
        ways = after
    # Doubled distances keep the comparison in integers: |2·s·N - 2·m·grand| vs the observed.
    observed = abs(total * n - m * grand)
    mask = (1 << width) - 1
    dist, extreme, s = ways[m], 0, 0
    while dist:
        if abs(s * n - m * grand) >= observed:
            extreme += dist & mask
        dist >>= width
        s += 1
    return min(1.0, extreme / all_groups)


def two_groups_p(first: list[int], second: list[int]) -> float:
    """Two-sided p of "no difference in mean level" between two groups of levels."""
    pool = Pool([*first, *second])
    return pool.p_value(len(first), sum(first))


def holm(p_values: list[float]) -> list[float]:
    """Holm-adjusted p-values, in the order given: reject at alpha where the adjusted p
    is at most alpha, and the chance of any false claim in the family stays <= alpha."""
    k = len(p_values)
    order = sorted(range(k), key=lambda i: p_values[i])
    adjusted = [1.0] * k
    running = 0.0
    for rank, i in enumerate(order):
        running = max(running, min(1.0, (k - rank) * p_values[i]))
        adjusted[i] = running
    return adjusted
