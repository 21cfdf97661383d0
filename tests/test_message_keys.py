"""Message keys are checked: by mypy (``MessageKey``, generated from the catalogues), by these
tests (every key the code uses exists, every key is used, every call passes the key's
placeholders), and at run time in tests (an unknown key raises).

After adding, renaming or removing a key: ``python scripts/message_keys.py``.
"""

from __future__ import annotations

import ast
import io
import os
import re
import shutil
import string
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from selvleder.i18n import MISSED, Messages, UnknownMessageKey, message_key
from selvleder.i18n.en import MESSAGES as EN
from selvleder.i18n.nb import MESSAGES as NB

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "selvleder"
GENERATED = SRC / "message_keys.py"
CATALOGUES = {SRC / "i18n" / "en.py", SRC / "i18n" / "nb.py", GENERATED}
KEYS = set(EN) & set(NB)

# Keys built at run time, by family: each f-string given to ``message_key`` or ``Messages.has``
# (directly or through a name assigned in the same function), written with ``*`` for each
# formatted value. A catalogue key matched by a family counts as used. A test fails on a
# family in the code that is not listed here, and on one listed here that the code no
# longer builds.
DYNAMIC = {
    "obs.*": "an observation of the coach (domain/coach.py: Observation.key)",
    "obs.*.*": "an observation's variant (Observation.key) and its counted items",
    "obs.*.item.*": "an item of a counted observation (render/reflection.py)",
    "obs.energy.pulse_low.step.*": "the next step for one low pulse dimension",
    "tip.*.title": "a tip's title",
    "tip.*.meaning": "a tip's meaning",
    "tip.*.q*": "a tip's questions, as many as the catalogue has (ui/guided_reflect.py)",
    "pulse.*": "a pulse dimension",
    "guided.reflect.pulse.*": "the question for a pulse dimension",
    "priority.status.*": "a priority's status",
    "priority.value.*": "a priority's value",
    "priority.energy_is.*": "what a priority does to energy",
    "goal.status.*": "a goal's status",
    "goal.missing_*": "the one field a new goal lacks (cli/goal.py)",
    "mandate.kind.*": "a kind of mandate item",
    "init.ask.mandate_*": "init's question for a kind of mandate item",
    "ask.need.*": "a request's kind of need",
    "ask.status.*": "a request's status",
    "ask.subject.*": "a request's e-mail subject, by need",
    "ask.intro.*": "a request's opening, by need",
    "ask.step.*": "a request's next step, by need",
    "nudge.*": "a reminder, by kind",
    "weekday.*": "a weekday, 0 = Monday",
    "weekday.short.*": "a weekday's two-letter chart heading",
    "weekday.abbr.*": "a weekday's three-letter name in running text (focus blocks)",
    "tod.*": "a time of day",
    "month.*": "a month's name, 1 = January (export/report.py)",
    "month.short.*": "a month's short name under a chart (export/report.py)",
    "report.part.*": "a private part of the period report (--share-*)",
    "reflect.empty.step*": "the steps shown before a first reflection",
    "error.*_unknown": "an unknown id, by what it names (domain/text.py: check_id)",
    "error.priority_move_*": "a priority that cannot move, by its status",
    "calendar.reason.*": "why a calendar file cannot be read (integrations/calendar.py)",
    "*.example": "a command's example, from its help key (cli/declare.py: Command.epilog)",
    "*.hint": "doctor's hint for a problem, when it has one (render/doctor.py)",
    "metavar.*": "a placeholder word in help and usage, when the catalogue has it (cli/build.py)",
}

# Calls that format a message: the callee's name and where the key is among its arguments.
FORMATTERS = {
    "t": 0,  # Messages.__call__: t(...), ctx.t(...), self.t(...)
    "say": 0,  # Terminal.say
    "BadInput": 0,
    "JournalError": 0,
    "SelvlederError": 0,
    "UsageProblem": 1,
}


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def source_files() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(SRC.rglob("*.py")):
        if path not in CATALOGUES:
            yield path, ast.parse(path.read_text("utf-8"), str(path))


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(SRC)}:{getattr(node, 'lineno', '?')}"


def callee(call: ast.Call) -> str | None:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def literal_keys(node: ast.expr) -> list[str] | None:
    """The keys a key argument can be when it is written out: "a.b", or x if c else y."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = literal_keys(node.body), literal_keys(node.orelse)
        if body is None and orelse is None:
            return None
        return (body or []) + (orelse or [])
    return None


def family(node: ast.expr) -> str | None:
    """An f-string as a family: f"obs.{code}.{variant}" -> "obs.*.*"."""
    if isinstance(node, ast.JoinedStr):
        return "".join(
            part.value if isinstance(part, ast.Constant) else "*" for part in node.values
        )
    return None


def families_in_code() -> dict[str, list[str]]:
    """Each family the code builds a key from, with where."""
    found: dict[str, list[str]] = {}
    for path, tree in source_files():
        scopes = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.Lambda)]
        for scope in scopes:
            assigned: dict[str, list[ast.expr]] = {}
            for node in ast.walk(scope):
                if isinstance(node, ast.Assign) and isinstance(node.value, ast.JoinedStr):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            assigned.setdefault(target.id, []).append(node.value)
            for node in ast.walk(scope):
                if not (isinstance(node, ast.Call) and callee(node) in ("message_key", "has")):
                    continue
                if not node.args:
                    continue
                arg = node.args[0]
                candidates = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
                for candidate in candidates:
                    if isinstance(candidate, ast.Name):
                        values = assigned.get(candidate.id, [])
                    else:
                        values = [candidate]
                    for value in values:
                        name = family(value)
                        at = where(path, node)
                        if name is not None and at not in found.get(name, []):
                            found.setdefault(name, []).append(at)
    return found


def pattern(name: str) -> re.Pattern[str]:
    return re.compile(".+".join(re.escape(part) for part in name.split("*")))


def literals_in_code() -> set[str]:
    return {
        node.value
        for _, tree in source_files()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


def test_the_generated_key_type_is_up_to_date() -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import message_keys
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    assert GENERATED.read_text("utf-8") == message_keys.render(), (
        "src/selvleder/message_keys.py is out of date: run python scripts/message_keys.py"
    )


def test_every_key_is_in_the_key_type() -> None:
    text = GENERATED.read_text("utf-8")
    listed = set(re.findall(r'^\s+"([^"]+)",$', text, re.M))
    assert listed == KEYS


def test_every_dynamic_family_is_documented_and_builds_keys() -> None:
    found = families_in_code()
    undocumented = {name: at for name, at in found.items() if name not in DYNAMIC}
    assert not undocumented, f"keys built at run time, not listed in DYNAMIC: {undocumented}"
    stale = sorted(set(DYNAMIC) - set(found))
    assert not stale, f"DYNAMIC lists families the code no longer builds: {stale}"
    empty = sorted(name for name in DYNAMIC if not any(pattern(name).fullmatch(k) for k in KEYS))
    assert not empty, f"families that match no catalogue key: {empty}"


def test_every_catalogue_key_is_used() -> None:
    literals = literals_in_code()
    patterns = [pattern(name) for name in DYNAMIC]
    unused = sorted(
        key for key in KEYS if key not in literals and not any(p.fullmatch(key) for p in patterns)
    )
    assert not unused, f"catalogue keys no code uses (remove them): {unused}"


def test_every_key_used_in_the_code_exists() -> None:
    """The literal keys of every formatting call (mypy checks them too; this also covers a
    call mypy cannot see into, such as one on an ``Any``)."""
    missing = []
    for path, tree in source_files():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or callee(node) not in FORMATTERS:
                continue
            position = FORMATTERS[callee(node) or ""]
            if len(node.args) <= position:
                continue
            for key in literal_keys(node.args[position]) or []:
                if key not in KEYS:
                    missing.append(f"{where(path, node)} {key}")
    assert not missing, f"keys in no catalogue: {missing}"


def test_keys_built_at_run_time_go_through_message_key() -> None:
    """An f-string or a concatenation handed straight to a formatter skips the check."""
    unchecked = []
    for path, tree in source_files():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or callee(node) not in FORMATTERS:
                continue
            position = FORMATTERS[callee(node) or ""]
            if len(node.args) > position:
                arg = node.args[position]
                if isinstance(arg, ast.JoinedStr | ast.BinOp):
                    unchecked.append(where(path, node))
    assert not unchecked, f"build the key with message_key(...): {unchecked}"


def test_every_call_passes_its_keys_placeholders() -> None:
    """Each call with a written-out key passes exactly the key's placeholders (as in both
    catalogues): a missing one fails at run time, an extra one is silently dropped."""
    wrong, checked = [], 0
    for path, tree in source_files():
        for node in ast.walk(tree):
            calls: list[tuple[list[str], set[str], bool]] = []
            if isinstance(node, ast.Call) and callee(node) in FORMATTERS:
                position = FORMATTERS[callee(node) or ""]
                keys = literal_keys(node.args[position]) if len(node.args) > position else None
                if keys:
                    given = {kw.arg for kw in node.keywords if kw.arg is not None}
                    if callee(node) == "UsageProblem":
                        given.discard("guess")  # "did you mean", said after the message
                    splat = any(kw.arg is None for kw in node.keywords)
                    calls.append((keys, given, splat))
            elif (  # a nested message: (key, {params}) given as a parameter
                isinstance(node, ast.Tuple)
                and len(node.elts) == 2
                and isinstance(node.elts[1], ast.Dict)
                and (keys := literal_keys(node.elts[0]))
                and all(k in KEYS for k in keys)
            ):
                names = node.elts[1].keys
                given = {k.value for k in names if isinstance(k, ast.Constant)}
                calls.append((keys, {str(g) for g in given}, None in names))
            for keys, given, splat in calls:
                # one call, two keys (x if c else y): each needs all of its placeholders,
                # and every parameter must be used by one of them
                either = set().union(*(placeholders(EN[k]) for k in keys if k in KEYS))
                for key in keys:
                    if key not in KEYS:
                        continue  # test_every_key_used_in_the_code_exists says so
                    checked += 1
                    wanted = placeholders(EN[key])
                    if given - either or (not splat and wanted - given):
                        wrong.append(
                            f"{where(path, node)} {key}: passes {sorted(given)}, "
                            f"the message has {sorted(wanted)}"
                        )
    assert not wrong, "\n".join(wrong)
    assert checked > 400, f"only {checked} calls were checked: has the way keys are passed changed?"


def test_an_unknown_key_raises_in_tests_and_shows_the_key_to_users(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    t = Messages("nb")
    with pytest.raises(UnknownMessageKey, match=r"priority\.finished"):
        t("priority.finished")  # type: ignore[arg-type]
    with pytest.raises(UnknownMessageKey, match=r"priority\.status\.later"):
        message_key("priority.status.later")
    assert MISSED == ["priority.finished", "priority.status.later"]
    monkeypatch.delenv("SELVLEDER_STRICT_KEYS")
    assert t("priority.finished", id=3) == "priority.finished"  # type: ignore[arg-type]
    assert message_key("priority.status.done") == "priority.status.done"
    assert t(message_key("priority.status.done")) == NB["priority.status.done"]
    MISSED.clear()  # the fixture would fail this test on the keys it met on purpose


def test_a_user_sees_the_key_when_a_message_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The review's case: a key renamed in the code but not in the catalogues. For a user the
    command still does its work and shows the key; in the tests it fails."""
    from helpers import run_cli

    monkeypatch.setenv("SELVLEDER_DB", str(tmp_path / "j.db"))
    monkeypatch.setenv("SELVLEDER_LANG", "en")
    assert run_cli("priority", "add", "Write the report").code == 0
    assert run_cli("priority", "add", "Read the draft").code == 0
    monkeypatch.delitem(EN, "priority.done")
    monkeypatch.delitem(NB, "priority.done")

    strict = run_cli("priority", "done", "1")
    assert strict.code == 1 and "UnknownMessageKey" in strict.err
    assert MISSED == ["priority.done"]
    MISSED.clear()

    monkeypatch.setenv("SELVLEDER_STRICT_KEYS", "0")
    shown = run_cli("priority", "done", "2")
    assert (shown.code, shown.out.strip()) == (0, "priority.done")
    assert MISSED == ["priority.done"]  # still recorded: the fixture fails any test that meets one
    MISSED.clear()


def _mypy() -> list[str]:
    found = shutil.which("mypy", path=str(Path(sys.executable).parent)) or shutil.which("mypy")
    if found is None:
        pytest.skip("mypy (the lint extra) is not installed")
    return [found]


def test_mypy_refuses_a_key_no_catalogue_has(tmp_path: Path) -> None:
    """The type check itself: a module that formats an unknown key does not pass mypy with
    the project's configuration, and the error names the key; known keys pass."""
    module = tmp_path / "uses_keys.py"
    module.write_text(
        "from selvleder.errors import BadInput\n"
        "from selvleder.i18n import Messages, message_key\n"
        "\n"
        "\n"
        "def show(t: Messages, status: str) -> list[str]:\n"
        '    if status == "gone":\n'
        '        raise BadInput("error.no_such_thing", id=1)\n'
        '    return [t("priority.done", id=1, title="x"), t("no.such.key"),\n'
        '            t(message_key(f"priority.status.{status}")), t(status)]\n',
        "utf-8",
    )
    result = subprocess.run(
        [*_mypy(), "--config-file", str(ROOT / "pyproject.toml"), "--no-incremental", str(module)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "MYPYPATH": str(ROOT / "src")},
        timeout=600,
    )
    said = re.sub(r'"Literal\[[^"]{300,}\]"', "MessageKey", result.stdout + result.stderr)
    errors = [
        line for line in said.splitlines() if line.startswith("uses_keys.py") and ": error:" in line
    ]
    assert result.returncode == 1, said
    assert len(errors) == 3, said
    assert "uses_keys.py:7:" in errors[0] and "Literal['error.no_such_thing']" in errors[0]
    assert "uses_keys.py:8:" in errors[1] and "Literal['no.such.key']" in errors[1]
    # a plain str is refused too: a key built at run time goes through message_key
    assert "uses_keys.py:9:" in errors[2] and 'incompatible type "str"' in errors[2]


def test_the_key_type_costs_nothing_at_start_up(tmp_path: Path) -> None:
    """``MessageKey`` is for mypy only: running a command never imports the generated module,
    and a key built at run time is checked against the catalogue already loaded (an nb run
    does not read en.py for it; yesterday's weekday in ``energy log`` is such a key)."""
    journal = str(tmp_path / "j.db")
    for words in (
        ["--lang", "nb", "energy", "log", "3", "--at", "yesterday 15:30"],
        ["--lang", "nb", "week"],
        ["--lang", "nb", "reflect", "--no-input"],
    ):
        code = (
            f"import sys; sys.argv = ['selvleder', '--db', {journal!r}, *{words!r}]\n"
            "sys.modules['selvleder.message_keys'] = None  # importing it would fail\n"
            "from selvleder.entry import main\n"
            "try:\n    main()\n"
            "finally:\n    print('selvleder.i18n.en' in sys.modules, file=sys.stderr)\n"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert (proc.returncode, proc.stderr.strip()) == (0, "False"), (words, proc.stderr)


def test_doctor_shows_sqlites_own_words_without_the_fallback() -> None:
    """``integrity`` is a message key when selvleder named the problem and SQLite's text
    otherwise; the text used to go through the missing-key fallback to be shown."""
    from rich.console import Console

    from selvleder.domain.doctor import DoctorReport
    from selvleder.render.doctor import doctor_view

    t = Messages("en")
    console = Console(width=200, record=True, markup=False, file=io.StringIO())
    for integrity, shown in (
        ("*** in database main ***\nPage 5: btreeInitPage() returns error code 11", "Page 5"),
        ("error.journal_corrupt", EN["error.journal_corrupt"].split("{")[0].strip()),
    ):
        report = DoctorReport("j.db", "3.45.1", "wal", "journal_mode.wal_safe", integrity=integrity)
        console.print(doctor_view(report, t))
        assert shown in console.export_text()
