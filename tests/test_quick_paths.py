"""The quick paths (no Typer) and the Typer commands accept the same words and behave
identically: both are built from one declaration per command (``cli/declare.py``)."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path
from typing import Any

import pytest
import typer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import BIN, run_bin, run_cli
from selvleder.cli import COMMAND_MODULES
from selvleder.cli.declare import FLAG, NUMBER, ROOT, Command, Commands, Declined, Opt, parse
from selvleder.context import AppContext
from selvleder.quick import parse_quick

FRI = "2026-11-27T16:00:00+01:00"
ROOT_DIR = Path(__file__).resolve().parent.parent


def declared() -> list[Command]:
    modules = dict.fromkeys(COMMAND_MODULES.values())
    return [
        c for m in modules for c in importlib.import_module(f"selvleder.cli.{m}").commands.declared
    ]


QUICK = [c for c in declared() if c.quick]


def test_the_quick_commands_are_the_everyday_and_the_whole_journal_ones() -> None:
    assert {" ".join(c.path) for c in QUICK} == {
        "energy log",
        "energy show",
        "energy insights",
        "week",
        "review",
        "reflect",
        "plan-week",
        # read commands whose cost was mostly Typer (PRODUCT.md, Speed: <= 12x)
        "goal list",
        "goal show",
        "role",
        "mandate list",
        "ask-leader list",
        "feedback list",
        "doctor",
        # the whole-journal commands
        "export",
        "import",
        "forget",
        "restore",
        # every new shell runs it from its start-up file
        "completion",
        "report",
    }


@pytest.fixture(scope="module")
def demo_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo journal for the module, built in a home like conftest's ``home``."""
    import time

    from conftest import ENV_KEYS

    folder = tmp_path_factory.mktemp("demo")
    with pytest.MonkeyPatch.context() as env:
        (folder / "home").mkdir()
        env.setenv("HOME", str(folder / "home"))
        for key in ENV_KEYS:
            env.delenv(key, raising=False)
        env.setenv("LANG", "C.UTF-8")
        env.setenv("TZ", "Europe/Oslo")
        env.setenv("SELVLEDER_NOW", FRI)
        time.tzset()
        assert run_cli("demo", "--years", "1", "--db", str(folder / "demo.db")).code == 0
    time.tzset()
    return folder / "demo.db"


@pytest.fixture
def journal(demo_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    db = tmp_path / "demo.db"
    shutil.copyfile(demo_journal, db)
    return db


ANSWERS = str(ROOT_DIR / "examples" / "answers.toml")
CASES = [
    ("week",),
    ("week", "--week", "last"),
    ("week", "--week=2026-W40", "--json"),
    ("week", "--week", "2025-W53"),
    ("week", "--json", "--json", "--week", "40", "--week", "last"),
    ("energy", "show"),
    ("energy", "show", "--weeks", "8", "--json"),
    ("energy", "show", "--weeks", "0"),
    ("energy", "show", "--weeks", "-3"),
    ("energy", "insights"),
    ("energy", "insights", "--weeks=26", "--json"),
    ("review",),
    ("review", "--weeks", "4", "--json"),
    ("reflect", "--no-input"),
    ("reflect", "--week", "last", "--json"),
    ("reflect", "--show", "--week", "45"),
    ("reflect", "--answers", ANSWERS, "--no-input", "--week", "last"),
    ("reflect", f"--answers={ANSWERS}", "--json"),
    ("reflect", "--answers", "/nonexistent/answers.toml", "--no-input"),
    ("reflect", "--show", "--export", "{tmp}/r.md", "--force"),
    ("reflect", "--show", "--export={tmp}/r.html", "--force", "--week", "last"),
    ("reflect", "--show", "--export", "{tmp}/r.doc", "--force"),
    ("reflect", "--show", "--export", "{tmp}"),
    ("energy", "log", "3"),
    ("energy", "log", "4", "good day", "-t", "møter", "--tag=deep", "-tfocus", "--at", "09:00"),
    ("energy", "log", "--at=yesterday 14:00", "2", "--", "-tired"),
    ("energy", "log", "9"),
    ("energy", "log", "-", "note"),
    ("plan-week", "--week", "next", "-p", "Budsjett", "-pHøring", "--focus", "Budsjett"),
    ("plan-week", "--week=next", "--priority", "A", "--can-wait", "B", "--buffer", "20"),
    ("plan-week", "--week", "next", "-p", "A", "--buffer", "90"),
    ("plan-week", "--week", "next", "-p", "A", "--no-carry", "--can-wait=B"),
    ("plan-week", "--week", "next", "--from", "/nonexistent/plan.toml"),
    ("plan-week", "--week", "next"),
    ("goal", "list"),
    ("goal", "list", "--all", "--json"),
    ("goal", "show", "1"),
    ("goal", "show", "1", "--json"),
    ("goal", "show", "999"),
    ("role",),
    ("role", "--json"),
    ("mandate", "list"),
    ("mandate", "list", "--json"),
    ("ask-leader", "list"),
    ("ask-leader", "list", "--open", "--json"),
    ("doctor",),
    ("doctor", "--json"),
    ("export",),
    ("export", "--format", "markdown"),
    ("export", "--format=xml"),
    ("export", "--out", "{tmp}/journal.json", "--force"),
    ("export", "--out", "{tmp}"),
    ("import", "/nonexistent/journal.json"),
    ("import", ANSWERS),
    ("restore", "/nonexistent/backup.db", "--yes"),
    ("forget", "--yes"),
    ("forget", "--all"),
    ("forget", "--all", "--yes"),
    ("--debug", "--lang", "nb", "week"),
    ("--lang", "nb", "reflect", "--no-input"),
    ("--lang", "xx", "week"),
    ("--lang=en", "--db={db}", "energy", "insights"),
]


@pytest.mark.parametrize("case", CASES)
def test_both_paths_give_the_same_output(
    case: tuple[str, ...], journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Wide enough that no journal path wraps: the two runs' paths are swapped below.
    monkeypatch.setenv("COLUMNS", "400")
    copy = tmp_path / "copy.db"
    shutil.copyfile(journal, copy)
    exported = tmp_path / "out"
    exported.mkdir()

    def args(db: Path) -> list[str]:
        return [a.format(tmp=exported, db=db) for a in case]

    assert parse_quick(["--db", str(journal), *args(journal)]) is not None, case
    quick = run_bin("--db", str(journal), *args(journal))
    quick_files = {p.name: p.read_bytes() for p in exported.iterdir()}
    typer_run = run_cli("--db", str(copy), *args(copy))
    typer_files = {p.name: p.read_bytes() for p in exported.iterdir()}
    assert (quick.code, quick.out, quick.err) == (
        typer_run.code,
        typer_run.out.replace(str(copy), str(journal)),
        typer_run.err.replace(str(copy), str(journal)),
    ), case
    assert quick_files == typer_files


@pytest.mark.parametrize(
    "args",
    [
        ["week", "--help"],
        ["week", "-h"],
        ["week", "extra"],
        ["energy", "insights", "--weeks", "many"],
        ["energy", "insights", "--weeks"],
        ["reflect", "--json=yes"],
        ["energy", "log"],
        ["energy", "log", "3", "a", "b"],
        ["energy", "log", "3", "-t"],
        ["energy", "log", "-3"],
        ["goal", "add", "X"],
        ["goal", "list", "extra"],
        ["ask-leader", "--need", "decision", "--topic", "Malen", "-q", "Fredag?"],
        ["export", "--help"],
        ["--version"],
        ["--lang"],
        ["--bogus", "week"],
        ["week", "--db", "x"],
        [],
    ],
)
def test_other_forms_go_through_typer(args: list[str]) -> None:
    assert parse_quick(args) is None


def test_the_quick_path_never_imports_typer(journal: Path) -> None:
    import subprocess
    import sys

    for words in (["week"], ["energy", "log", "3", "-t", "x"], ["reflect", "--no-input"]):
        code = (
            f"import sys; sys.argv = [{str(BIN)!r}, '--db', {str(journal)!r}, *{words!r}];"
            "sys.modules['typer'] = None\n"
            "from selvleder.entry import main\n"
            "try:\n    main()\nexcept SystemExit as e:\n    sys.exit(e.code)"
        )
        proc = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=False
        )
        assert proc.returncode == 0, proc.stderr


# -- one declaration, two parsers: the same options, the same results -----------------


def typer_command(command: Command) -> Any:
    """The Click command Typer builds for ``command`` (as ``selvleder ...`` runs it)."""
    from selvleder.cli.app import build_app
    from selvleder.i18n import Messages

    click_root = typer.main.get_command(build_app(Messages("en"), command.path[0]))
    found = click_root
    for word in command.path:
        found = found.commands[word]  # type: ignore[attr-defined]
    return click_root, found


@pytest.mark.parametrize("command", declared(), ids=lambda c: " ".join(c.path))
def test_typer_and_the_quick_parser_know_the_same_options(command: Command) -> None:
    from selvleder.cli.build import metavar
    from selvleder.i18n import Messages

    _, click_command = typer_command(command)
    help_names = {"-h", "--help"}
    typer_options = {
        name: p
        for p in click_command.params
        if p.param_type_name == "option"
        for name in (*p.opts, *p.secondary_opts)
        if name not in help_names
    }
    declared_options = {name: o for o in command.options for name in o.names}
    assert set(typer_options) == set(declared_options)
    for name, option in declared_options.items():
        param = typer_options[name]
        assert param.name == option.dest, name
        assert param.is_flag == (option.kind == FLAG), name
        assert param.multiple == option.repeat, name
        assert param.required == option.required, name
        # the declared placeholder, or the kind of value, as the help shows it (en)
        assert (param.metavar or None) == metavar(option, Messages("en")), name
        parsed = parse(command, sample_option(option, name) + required_words(command))
        assert option.dest in parsed, name
    typer_args = [p for p in click_command.params if p.param_type_name == "argument"]
    assert [(a.name, a.required) for a in typer_args] == [
        (a.dest, a.required) for a in command.arguments
    ]


def sample_option(option: Opt, name: str) -> list[str]:
    if option.kind == FLAG:
        return [name]
    return [name, "7" if option.kind == NUMBER else "text"]


def required_words(command: Command) -> list[str]:
    words = ["1" for a in command.arguments if a.required]
    for o in command.options:
        if o.required:
            words += [o.long, "w"]
    return words


TEXT_VALUES = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=6),
    st.sampled_from(["", "-", "--", "-x", "--json", "=", "a=b", "last", "3"]),
)
NUMBER_VALUES = st.one_of(
    st.integers(-99, 99).map(str),
    st.sampled_from(["", "x", "1.5", " 3 ", "+4", "1_0", "٣", "0x1", "-0"]),
)


def option_words(option: Opt) -> st.SearchStrategy[list[str]]:
    """Every way Click lets one write the option, and some ways it refuses."""
    if option.kind == FLAG:
        forms = [[option.long], [f"{option.long}=x"]]
        if option.off:
            forms.append([option.off])
        return st.sampled_from(forms)
    values = NUMBER_VALUES if option.kind == NUMBER else TEXT_VALUES
    names = [n for n in (option.long, option.short) if n]
    return st.one_of(
        st.tuples(st.sampled_from(names), values).map(list),
        values.map(lambda v: [f"{option.long}={v}"]),
        values.map(lambda v: [f"{option.short}{v}"]) if option.short else st.nothing(),
        st.just([option.long]),  # a value option at the end, without its value
    )


def argv_for(command: Command) -> st.SearchStrategy[tuple[list[str], list[str]]]:
    """(root words, words after the command): valid and invalid mixes of every form."""
    root = st.lists(
        st.one_of(
            st.tuples(st.sampled_from(["--db", "--lang"]), st.sampled_from(["a.db", "nb", "en"]))
            .filter(lambda p: p[0] == "--db" or p[1] != "a.db")
            .map(list),
            st.sampled_from([["--debug"], ["--db=b.db"], ["--lang=nb"]]),
        ),
        max_size=3,
    ).map(lambda parts: [w for p in parts for w in p])
    word = st.one_of(
        *(option_words(o) for o in command.options),
        (NUMBER_VALUES if any(a.kind == NUMBER for a in command.arguments) else TEXT_VALUES).map(
            lambda v: [v]
        ),
        st.sampled_from([["--"], ["--bogus"], ["-z"], ["--jsn"]]),
    )
    rest = st.lists(word, max_size=7).map(lambda parts: [w for p in parts for w in p])
    return st.tuples(root, rest)


class Recorded(Exception):
    """The body ran with these values (raised so that nothing else runs)."""


def record(ctx: AppContext, **values: Any) -> None:
    raise Recorded((ctx.db_option, ctx.lang_option, ctx.debug), values)


def typer_result(command: Command, argv: list[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    """What the Typer command hands the body for argv, or "refused"."""
    from selvleder.cli.usage import UsageProblem, click_exc

    click_root, _ = TYPER_BUILT[command.path]
    try:
        click_root.main(args=argv, prog_name="selvleder", standalone_mode=False, obj=AppContext())
    except Recorded as done:
        return done.args
    except (click_exc.ClickException, UsageProblem):
        return "refused"
    raise AssertionError(f"neither ran nor refused: {argv}")


def quick_result(command: Command, root: list[str], rest: list[str]) -> Any:
    from selvleder.cli.declare import parse_root

    try:
        options, words = parse_root(root + list(command.path) + rest)
        assert words[: len(command.path)] == list(command.path)
        values = parse(command, words[len(command.path) :])
    except Declined:
        return "refused"
    return ((options["db"], options["lang"], options["debug"]), values)


TYPER_BUILT: dict[tuple[str, ...], Any] = {}


@pytest.fixture(scope="module")
def recording_commands() -> Any:
    """Every declared command, built by Typer with a body that records its arguments."""
    patch = pytest.MonkeyPatch()
    for module in dict.fromkeys(COMMAND_MODULES.values()):
        mod = importlib.import_module(f"selvleder.cli.{module}")
        fake = Commands(*mod.commands.groups)
        fake.declared = [
            Command(c.path, c.help, c.params, record, c.quick) for c in mod.commands.declared
        ]
        patch.setattr(mod, "commands", fake)
    for command in declared():
        TYPER_BUILT[command.path] = typer_command(command)
    # The built commands keep the recording bodies; the modules get their own back at
    # once, so other tests of this module (run in any order by xdist) run the real ones.
    patch.undo()
    yield
    TYPER_BUILT.clear()


@pytest.mark.parametrize("command", declared(), ids=lambda c: " ".join(c.path))
def test_both_parsers_give_the_same_values_for_any_words(
    command: Command, recording_commands: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SELVLEDER_DEBUG", raising=False)
    monkeypatch.setenv("SELVLEDER_LANG", "en")

    @settings(
        max_examples=60 if command.quick else 25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(argv_for(command))
    def check(words: tuple[list[str], list[str]]) -> None:
        root, rest = words
        expected = typer_result(command, root + list(command.path) + rest, monkeypatch)
        assert quick_result(command, root, rest) == expected, (root, rest)

    check()


def test_the_quick_gate_follows_the_declarations() -> None:
    for command in declared():
        argv = [*command.path, *required_words(command)]
        assert (parse_quick(argv) is not None) == command.quick, command.path


def test_root_options_are_declared_once() -> None:
    from selvleder.cli.app import build_app
    from selvleder.i18n import Messages

    click_root = typer.main.get_command(build_app(Messages("en")))
    names = {n for p in click_root.params for n in p.opts if n not in ("-h", "--help")}
    assert names == {o.long for o in ROOT}
