"""goal, mandate, role and init through the real root app, in both languages."""

from __future__ import annotations

import json
from pathlib import Path

from helpers import run_cli


def test_goal_add_works_without_init_and_lists_as_json() -> None:
    result = run_cli("goal", "add", "X", "--measure", "m", "--due", "2027-01-01")
    assert result.code == 0, result.err
    assert result.out == "Added goal 1: X\n"
    listed = run_cli("goal", "list", "--json")
    assert json.loads(listed.out) == [
        {
            "id": 1,
            "title": "X",
            "measure": "m",
            "due": "2027-01-01",
            "org_goal": None,
            "status": "active",
            "clear": True,
            "parent_id": None,
        }
    ]


def test_unclear_goal_is_allowed_but_flagged() -> None:
    result = run_cli("goal", "add", "Vague")
    assert result.code == 0
    assert "no measure or due date" in result.out
    goals = json.loads(run_cli("goal", "list", "--json").out)
    assert goals[0]["clear"] is False
    assert run_cli("goal", "edit", "1", "--measure", "3 drafts", "--due", "31.01.2027").code == 0
    goal = json.loads(run_cli("goal", "show", "1", "--json").out)
    assert goal["clear"] is True
    assert goal["due"] == "2027-01-31"


def test_goal_cap_is_refused_with_reason_and_nothing_written() -> None:
    for i in range(5):
        assert run_cli("goal", "add", f"G{i}").code == 0
    result = run_cli("goal", "add", "One too many")
    assert result.code == 2
    assert "5 active goals" in result.err and "cap is 5" in result.err
    assert len(json.loads(run_cli("goal", "list", "--json").out)) == 5
    assert run_cli("goal", "done", "1").code == 0
    assert run_cli("goal", "add", "Now it fits").code == 0


def test_goal_cap_comes_from_config(home: Path) -> None:
    config = home / ".config" / "selvleder" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text("max_goals = 1\n")
    assert run_cli("goal", "add", "A").code == 0
    result = run_cli("goal", "add", "B")
    assert result.code == 2 and "cap is 1" in result.err


def test_progress_done_drop_reopen() -> None:
    run_cli("goal", "add", "Report", "--measure", "sent", "--due", "2027-03-01")
    assert run_cli("goal", "progress", "1", "Outline done").code == 0
    shown = json.loads(run_cli("goal", "show", "1", "--json").out)
    assert [p["note"] for p in shown["progress"]] == ["Outline done"]
    assert run_cli("goal", "done", "1").out == "Goal 1 reached: Report\n"
    assert json.loads(run_cli("goal", "list", "--json").out) == []
    everything = json.loads(run_cli("goal", "list", "--all", "--json").out)
    assert everything[0]["status"] == "done"
    assert run_cli("goal", "reopen", "1").code == 0
    assert run_cli("goal", "drop", "1").code == 0
    assert json.loads(run_cli("goal", "list", "--all", "--json").out)[0]["status"] == "dropped"


def test_unknown_goal_ids() -> None:
    for args in (
        ("goal", "done", "7"),
        ("goal", "show", "7"),
        ("goal", "progress", "7", "x"),
        ("goal", "edit", "7", "--title", "y"),
        ("goal", "drop", "0"),
        ("goal", "drop", "99999999999999999999999"),
    ):
        result = run_cli(*args)
        assert result.code == 2, args
        assert "no goal with id" in result.err


def test_goal_list_in_both_languages() -> None:
    run_cli(
        "goal", "add", "Kortere saksbehandling", "--measure", "< 20 dager", "--due", "30.06.2027"
    )
    run_cli("goal", "add", "Bedre maler")
    nb = run_cli("--lang", "nb", "goal", "list")
    assert nb.out.splitlines() == [
        "ID  Mål                     Måles ved   Frist       Status  Siste fremdrift",
        " 1  Kortere saksbehandling  < 20 dager  30.06.2027  aktivt  –              ",
        " 2  Bedre maler             –           –           uklart  –              ",
        "2 av høyst 5 aktive mål.",
        "Ett mål mangler mål for måloppnåelse eller frist. Kan du gjøre det tydelig?",
    ]
    en = run_cli("--lang", "en", "goal", "list")
    assert en.out.splitlines() == [
        "ID  Goal                    Measure     Due         Status   Last progress",
        " 1  Kortere saksbehandling  < 20 dager  2027-06-30  active   –            ",
        " 2  Bedre maler             –           –           unclear  –            ",
        "2 of at most 5 active goals.",
        "One goal lacks a measure or due date. Can you make it clear?",
    ]


def test_role_in_both_languages() -> None:
    result = run_cli(
        "init",
        "--role",
        "Saksbehandler",
        "--mission",
        "Rettferdige vedtak",
        "--org-goal",
        "Raskere saksbehandling",
        "--strength",
        "Struktur",
        "--joy",
        "Gode vedtak",
        "--no-input",
    )
    assert result.code == 0, result.err
    run_cli("mandate", "add", "--unclear", "Hvem godkjenner malen?")
    nb = run_cli("--lang", "nb", "role").out
    assert "Rolle og oppdrag" in nb
    assert "Rolle: Saksbehandler" in nb
    assert "Virksomhetens mål:" in nb and "• Raskere saksbehandling" in nb
    assert "Arbeidsglede: Gode vedtak" in nb
    assert "Uklart" in nb and "Hvem godkjenner malen?" in nb
    assert "Ett punkt er uklart." in nb
    en = run_cli("--lang", "en", "role").out
    assert "Role: Saksbehandler" in en
    assert "The organisation's goals:" in en
    assert "Joy at work: Gode vedtak" in en
    assert "One item is unclear." in en


def test_role_json_shape() -> None:
    run_cli(
        "init",
        "--role",
        "R",
        "--mission",
        "M",
        "--org-goal",
        "A",
        "--org-goal",
        "B",
        "--strength",
        "S",
        "--value",
        "V",
        "--driver",
        "D",
        "--joy",
        "J",
        "--no-input",
    )
    run_cli("mandate", "add", "--mine", "My cases")
    run_cli("mandate", "add", "--leader", "Budget")
    data = json.loads(run_cli("role", "--json").out)
    assert data == {
        "role": "R",
        "mission": "M",
        "org_goals": ["A", "B"],
        "motivation": {"strengths": ["S"], "values": ["V"], "drivers": ["D"], "joy": "J"},
        "mandate": [
            {"id": 1, "kind": "mine", "text": "My cases"},
            {"id": 2, "kind": "leader", "text": "Budget"},
        ],
    }
    assert json.loads(run_cli("mandate", "list", "--json").out) == data["mandate"]


def test_init_rerun_edits_only_what_is_given(home: Path) -> None:
    run_cli(
        "init",
        "--role",
        "R1",
        "--mission",
        "M1",
        "--leader-name",
        "Kari",
        "--leader-email",
        "kari@example.no",
        "--lang",
        "nb",
        "--no-input",
    )
    run_cli("init", "--role", "R2", "--no-input")
    data = json.loads(run_cli("role", "--json").out)
    assert (data["role"], data["mission"]) == ("R2", "M1")
    config = (home / ".config" / "selvleder" / "config.toml").read_text()
    assert 'lang = "nb"' in config and 'name = "Kari"' in config
    assert "kari@example.no" in config
    # config.toml's language is used from now on
    assert run_cli("goal", "add", "Mål").out.startswith("La til mål 1")


def test_mandate_remove() -> None:
    run_cli("mandate", "add", "--bounded", "The law")
    assert run_cli("mandate", "remove", "1").code == 0
    assert json.loads(run_cli("mandate", "list", "--json").out) == []
    result = run_cli("mandate", "remove", "1")
    assert result.code == 2 and "no mandate item with id 1" in result.err
    assert run_cli("mandate", "add", "--mine", "a", "--leader", "b").code == 2
    assert run_cli("mandate", "add").code == 2


def test_user_text_is_shown_literally() -> None:
    hostile = "[bold red]x[/] [link=http://evil]y[/link] :smile: \x1b[2J\x1b]0;t\x07\x9b end"
    assert run_cli("goal", "add", hostile).code == 0
    assert json.loads(run_cli("goal", "list", "--json").out)[0]["title"] == hostile
    for args in (("goal", "list"), ("goal", "show", "1"), ("--lang", "nb", "goal", "list")):
        out = run_cli(*args).out
        assert "[bold red]x[/]" in out
        assert "[link=http://evil]y[/link]" in out
        assert ":smile:" in out and "😄" not in out
        assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out
        assert "\\x1b[2J" in out


def test_the_hint_names_only_what_is_missing() -> None:
    assert "has a due date but no measure" in run_cli("goal", "add", "A", "--due", "2027-01-01").out
    assert "has a measure but no due date" in run_cli("goal", "add", "B", "--measure", "m").out
    assert "no measure or due date" in run_cli("goal", "add", "C").out


def test_slash_dates_are_day_first() -> None:
    run_cli("goal", "add", "A", "--due", "03/04/2027")
    assert json.loads(run_cli("goal", "list", "--json").out)[0]["due"] == "2027-04-03"
    assert run_cli("goal", "add", "B", "--due", "06/30/2027").code == 2
