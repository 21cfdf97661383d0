"""Shell completion: the scripts load in bash, zsh and fish and complete from the declarations
and the journal; completing never creates, migrates or changes a journal."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest

from helpers import BIN, has_binary, run_bin, run_cli, tree


def _env(**extra: str) -> dict[str, str]:
    """The executable's folder first on PATH, as after a pip install."""
    env = dict(os.environ)
    env["PATH"] = f"{BIN.parent}{os.pathsep}{env['PATH']}"
    env.update(extra)
    return env


def _shell(argv: list[str], script: str, **extra: str) -> str:
    proc = subprocess.run(
        [*argv, script], capture_output=True, text=True, env=_env(**extra), timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == "", proc.stderr
    return proc.stdout


BASH = """
eval "$(selvleder completion bash)"
show() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=()
         _selvleder_complete; printf '%s\\n' "${COMPREPLY[@]}"; echo ---; }
show selvleder pl
show selvleder goal done ''
show selvleder priority add X --value ''
show selvleder import ''
show selvleder week --week ne
"""


def _goals(journal: Path) -> None:
    for title in ("Budget draft", "Kortere saksbehandling"):
        assert run_cli("--db", str(journal), "goal", "add", title).code == 0


@pytest.mark.skipif(not has_binary("bash"), reason="bash is not installed")
def test_bash_completes_commands_ids_with_titles_choices_and_files(tmp_path: Path) -> None:
    journal = tmp_path / "j.db"
    _goals(journal)
    (tmp_path / "plan.toml").write_text("")
    out = subprocess.run(
        ["bash", "-c", f"cd {tmp_path} && " + BASH],
        capture_output=True,
        text=True,
        env=_env(SELVLEDER_DB=str(journal)),
        timeout=60,
        check=False,
    )
    assert out.returncode == 0 and out.stderr == "", out.stderr
    blocks = [b.split("\n") for b in out.stdout.split("---\n")]
    assert blocks[0] == ["plan-week", ""]
    # several goals: the ids are shown with their titles
    assert blocks[1][:2] == ["1 -- Budget draft", "2 -- Kortere saksbehandling"]
    assert blocks[2][:3] == ["high", "medium", "low"]
    assert "plan.toml" in blocks[3] and "j.db" in blocks[3]
    assert blocks[4][:2] == ["next", "neste"]


@pytest.mark.skipif(not has_binary("bash"), reason="bash is not installed")
def test_bash_inserts_the_bare_id_when_there_is_one(tmp_path: Path) -> None:
    journal = tmp_path / "j.db"
    assert run_cli("--db", str(journal), "goal", "add", "Budget draft").code == 0
    script = BASH.split("show selvleder pl")[0] + "show selvleder goal done ''\n"
    assert _shell(["bash", "-c"], script, SELVLEDER_DB=str(journal)) == "1\n---\n"


def test_candidates_name_ids_and_keep_titles_on_one_line(tmp_path: Path) -> None:
    journal = tmp_path / "j.db"
    assert run_cli("--db", str(journal), "goal", "add", "Tab\there\nand [b]there[/b]").code == 0
    assert run_cli("--db", str(journal), "goal", "add", "Closed").code == 0
    assert run_cli("--db", str(journal), "goal", "done", "2").code == 0
    assert run_cli("--db", str(journal), "plan-week", "-p", "Skrive", "--week", "this").code == 0
    env = {"SELVLEDER_DB": str(journal)}
    done = run_bin("__complete", "fish", "goal", "done", "", env=env)
    assert done.out == "1\tTab here and [b]there[/b]\n"
    assert run_bin("__complete", "fish", "goal", "reopen", "", env=env).out == "2\tClosed\n"
    prio = run_bin("__complete", "zsh", "priority", "done", "", env=env).out
    assert prio.startswith("1\tSkrive (20") and prio.count("\n") == 1
    assert run_cli("--db", str(journal), "ask-leader", "--topic", "Malen", "-q", "Når?").code == 0
    assert run_cli("--db", str(journal), "ask-leader", "--topic", "Ferie", "-q", "Når?").code == 0
    assert run_cli("--db", str(journal), "ask-leader", "answered", "2").code == 0
    answered = run_bin("__complete", "fish", "ask-leader", "answered", "", env=env)
    assert answered.out == "1\tMalen\n"
    closing = run_bin("__complete", "fish", "ask-leader", "close", "", env=env)
    assert closing.out == "1\tMalen\n2\tFerie\n"
    # --db before the command names the journal the ids come from
    other = run_bin("__complete", "fish", "--db", str(journal), "goal", "show", "", env={})
    assert "1\tTab here" in other.out and "2\tClosed" in other.out


def test_commands_subcommands_options_and_descriptions_in_the_users_language() -> None:
    top = run_bin("__complete", "zsh", "").out.splitlines()
    assert [line.split("\t")[0] for line in top][:3] == ["init", "role", "mandate"]
    assert "completion" in [line.split("\t")[0] for line in top]
    nb = run_bin("__complete", "fish", "--lang", "nb", "go", env={}).out
    assert nb.startswith("goal\t") and "mål" in nb
    en = run_bin("__complete", "fish", "--lang", "en", "energy", "l").out
    assert en.startswith("log\t")
    opts = run_bin("__complete", "bash", "plan-week", "--c").out.split()
    assert opts == ["--can-wait", "--carry", "--calendar"]
    off = run_bin("__complete", "bash", "plan-week", "--no").out.split()
    assert off == ["--no-carry"]
    need = run_bin("__complete", "bash", "ask-leader", "--need", "cl").out
    assert need == "clarify-mandate\n"
    assert run_bin("__complete", "bash", "remind", "run", "f").out == "follow-up\n"
    assert run_bin("__complete", "bash", "--lang", "").out == "nb\nen\n"
    assert run_bin("__complete", "bash", "reflect", "--answers", "x").out == "__files__\n"
    assert run_bin("__complete", "bash", "completion", "").out == "bash\nzsh\nfish\n"


def test_completion_never_creates_or_migrates_a_journal(home: Path, tmp_path: Path) -> None:
    before = tree(home)
    missing = tmp_path / "none.db"
    for words in (
        ["goal", "done", ""],
        ["priority", "move", "1", "--week", ""],
        ["ask-leader", "close", ""],
    ):
        result = run_bin("__complete", "bash", *words, env={"SELVLEDER_DB": str(missing)})
        assert result.code == 0 and result.err == ""
        assert result.out == "" or not result.out[0].isdigit()
    assert not missing.exists()
    assert tree(home) == before
    # a journal that is not one: no ids, no error, left as it was
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database")
    result = run_bin("__complete", "bash", "goal", "done", "", env={"SELVLEDER_DB": str(junk)})
    assert (result.code, result.out, result.err) == (0, "", "")
    assert junk.read_bytes() == b"not a database"


def test_a_bad_shell_is_refused() -> None:
    result = run_bin("completion", "tcsh")
    assert result.code == 2 and "tcsh" in result.err and result.out == ""


@pytest.mark.skipif(not has_binary("zsh"), reason="zsh is not installed (Debian package zsh)")
def test_zsh_script_loads_and_describes_ids(tmp_path: Path) -> None:
    journal = tmp_path / "j.db"
    _goals(journal)
    # exactly the line a user puts in ~/.zshrc: no output, no error
    loaded = _shell(
        ["zsh", "-c"],
        "autoload -U compinit; compinit; source <(selvleder completion zsh)",
        SELVLEDER_DB=str(journal),
        HOME=str(tmp_path),
    )
    assert loaded == ""
    # _describe stands in for the completion system: it prints what it was given
    out = _shell(
        ["zsh", "-c"],
        "autoload -U compinit; compinit -u; source <(selvleder completion zsh);"
        ' _describe() { print -rl -- "${(@P)${@[-1]}}"; };'
        ' words=(selvleder goal done ""); CURRENT=4; _selvleder;'
        " words=(selvleder pl); CURRENT=2; _selvleder",
        SELVLEDER_DB=str(journal),
    )
    lines = out.splitlines()
    assert lines[:2] == ["1:Budget draft", "2:Kortere saksbehandling"]
    assert lines[2].startswith("plan-week:")


@pytest.mark.skipif(not has_binary("fish"), reason="fish is not installed (Debian package fish)")
def test_fish_script_loads_and_completes(tmp_path: Path) -> None:
    journal = tmp_path / "j.db"
    _goals(journal)
    assert _shell(["fish", "-c"], "selvleder completion fish | source", HOME=str(tmp_path)) == ""
    out = _shell(
        ["fish", "-c"],
        "selvleder completion fish | source;"
        ' complete -C "selvleder pl"; complete -C "selvleder goal done "',
        SELVLEDER_DB=str(journal),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    lines = out.splitlines()
    assert lines[0].startswith("plan-week\t")
    assert lines[1:] == ["1\tBudget draft", "2\tKortere saksbehandling"]


ZLE = r"""
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z 'autoload -U compinit; compinit -u; source <(selvleder completion zsh)'
zpty -w -n z $'selvleder goal done \t'
out=""
for i in {1..200}; do
    while zpty -r -t z chunk; do out+=$chunk; done
    [[ $out == *"Kortere saksbehandling"* ]] && break
    sleep 0.1
done
zpty -d z
print -r -- "$out"
"""


@pytest.mark.skipif(not has_binary("zsh"), reason="zsh is not installed (Debian package zsh)")
def test_zsh_shows_ids_with_titles_in_a_real_line_editor(tmp_path: Path) -> None:
    journal = tmp_path / "j.db"
    _goals(journal)
    out = _shell(["zsh", "-f", "-c"], ZLE, SELVLEDER_DB=str(journal), HOME=str(tmp_path))
    shown = re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", out).replace("\r", "\n")
    assert re.search(r"^1 +-- Budget draft", shown, re.M), shown
    assert re.search(r"^2 +-- Kortere saksbehandling", shown, re.M), shown
