"""The bench table: a row passes when its ratio to the same run's baseline is within the issue's target."""

from io import StringIO

from bench.harness import Result, percentile, print_table


def test_a_row_passes_within_its_target_ratio_and_fails_beyond_it():
    baseline = [1.0] * 19 + [10.0]
    assert Result("page", [3.9] * 20, baseline, "p50", 4).passed is True
    assert Result("page", [4.1] * 20, baseline, "p50", 4).passed is False
    # At p95 the baseline's slow tail counts.
    slow_tail = [1.0] * 15 + [10.0] * 5
    assert Result("search", [11.0] * 20, slow_tail, "p95", 12).ratio == 1.1


def test_cpu_and_absolute_limits_fail_a_row_whatever_its_ratio():
    assert Result("page", [1.0], [1.0], "p50", 4, cpu_ms=16, cpu_target=15).passed is False
    assert Result("build", [61_000.0], [], "p50", None, limit_ms=60_000).passed is False
    assert Result("script", [5.0], [], "p50", None).passed is None  # reported only


def test_the_table_shows_each_row_and_says_whether_any_failed():
    out = StringIO()
    ok = print_table([Result("page home /", [9.0, 9.0], [2.0, 2.0], "p50", 4, cpu_ms=6.5, cpu_target=15)], out)
    assert ok is False
    row = out.getvalue().splitlines()[2]
    assert row.split()[:3] == ["page", "home", "/"] and "4.50× (p50)" in row and "6.5" in row and "FAIL" in row


def test_percentile_takes_the_nearest_rank():
    assert percentile(list(range(1, 101)), 0.95) == 95
    assert percentile([3.0], 0.5) == 3.0
