"""Commands are module-level functions: import one, hand it a context, call it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from selvleder.cli.energy import energy_log, energy_show
from selvleder.cli.goal import goal_add, goal_list
from selvleder.context import AppContext
from selvleder.errors import BadInput


def test_a_command_runs_alone_with_the_context_it_is_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ctx = AppContext(db=str(tmp_path / "j.db"), lang="en")
    try:
        goal_add(ctx, "Faster case handling", "median under 10 days", "2027-06-30", None)
        goal_list(ctx, all_=False, json=True)
    finally:
        ctx.close()
    added, listed = capsys.readouterr().out.split("\n", 1)
    assert added == "Added goal 1: Faster case handling"
    assert [g["title"] for g in json.loads(listed)] == ["Faster case handling"]


def test_two_contexts_do_not_share_state(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = AppContext(db=str(tmp_path / "a.db"), lang="en")
    second = AppContext(db=str(tmp_path / "b.db"), lang="nb")
    try:
        energy_log(first, "4", "good", ["deep"], "2026-11-23T09:00")
        energy_show(second, None, True)
    finally:
        first.close()
        second.close()
    logged, shown = capsys.readouterr().out.split("\n", 1)
    assert logged.startswith("Logged energy 4/5")
    assert json.loads(shown)["logs"] == []


def test_a_command_raises_the_domain_error_for_the_exit_point_to_report(tmp_path: Path) -> None:
    ctx = AppContext(db=str(tmp_path / "j.db"), lang="en")
    try:
        with pytest.raises(BadInput):
            energy_log(ctx, "9", None, [], None)
    finally:
        ctx.close()


def test_no_command_module_reads_a_module_global_context() -> None:
    import selvleder.cli as cli

    folder = Path(cli.__file__).parent
    for module in sorted({*cli.COMMAND_MODULES.values()}):
        text = (folder / f"{module}.py").read_text(encoding="utf-8")
        assert "app_context" not in text, module
        assert "def register(" not in text, module
