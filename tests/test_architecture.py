"""The architecture holds: import-linter's contracts (pyproject.toml) are kept, no
module reaches itself through a chain of imports, and only services/ and storage/
open the journal's transactions or query it (import contracts cannot see method calls).

grimp reads every import statement, so function-level (lazy) and TYPE_CHECKING imports
count like the ones at the top of a module. Both checks are also shown to fail on a
copy of the package that breaks them.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from itertools import pairwise
from pathlib import Path

import pytest

grimp = pytest.importorskip("grimp", reason="import-linter (the lint extra) is not installed")

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "selvleder"


def lint_imports(src: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports with the project's contracts, on the package found in src."""
    env = {**os.environ, "PYTHONPATH": str(src)}
    return subprocess.run(
        [
            str(Path(sys.executable).with_name("lint-imports")),
            "--no-cache",
            "--no-logo",
            str(ROOT / "pyproject.toml"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def import_cycles(package: str) -> list[str]:
    """One readable cycle per group of modules that import each other, with line numbers."""
    graph = grimp.build_graph(package, cache_dir=None)
    imports = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    cycles = []
    for group in _strongly_connected(imports):
        first = min(group)
        nxt = next(m for m in imports[first] if m in group)
        chain = [first, *graph.find_shortest_chain(importer=nxt, imported=first)]
        steps = []
        for importer, imported in pairwise(chain):
            detail = graph.get_import_details(importer=importer, imported=imported)
            where = f" (line {detail[0]['line_number']})" if detail else ""
            steps.append(f"{importer} imports {imported}{where}")
        cycles.append("; ".join(steps))
    return cycles


def _strongly_connected(imports: dict[str, list[str]]) -> list[set[str]]:
    """Tarjan's algorithm, iterative; only groups of two or more modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[set[str]] = []
    for start in sorted(imports):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            targets = imports[node]
            if i < len(targets):
                work.append((node, i + 1))
                target = targets[i]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            if low[node] == index[node]:
                group = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.add(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(group)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return groups


def test_import_contracts_are_kept() -> None:
    result = lint_imports(ROOT / "src")
    if result.returncode != 0 or "0 broken" not in result.stdout:
        pytest.fail(
            "An import breaks the contracts in pyproject.toml [tool.importlinter]:\n"
            + result.stdout
            + result.stderr,
            pytrace=False,
        )


def test_no_import_cycle_between_modules() -> None:
    cycles = import_cycles("selvleder")
    if cycles:
        pytest.fail(
            "Import cycles (a lazy import counts too):\n" + "\n".join(cycles), pytrace=False
        )


def _copy_package(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(PACKAGE, src / "selvleder", ignore=shutil.ignore_patterns("__pycache__"))
    return src


def test_an_upward_import_breaks_the_contracts(tmp_path: Path) -> None:
    src = _copy_package(tmp_path)
    text = src / "selvleder" / "domain" / "text.py"
    text.write_text(
        text.read_text() + "\n\ndef _upward() -> None:\n    from selvleder.commands import ask\n"
    )

    result = lint_imports(src)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "selvleder.domain.text -> selvleder.commands.ask" in result.stdout
    assert "BROKEN" in result.stdout


def test_a_lazy_import_cycle_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "cycled"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from cycled import b\n")
    (package / "b.py").write_text("def later() -> None:\n    from cycled import c\n")
    (package / "c.py").write_text("import cycled.a\n")
    (package / "d.py").write_text("from cycled import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))

    assert import_cycles("cycled") == [
        "cycled.a imports cycled.b (line 1); cycled.b imports cycled.c (line 2); "
        "cycled.c imports cycled.a (line 1)"
    ]


# Journal methods whose names other objects share (files, streams, Setup): a call of
# one counts only on a receiver named like the journal, or as a ``with`` transaction.
SHARED_NAMES = {"open", "close", "path", "read", "write", "load", "dump", "is_empty"}
LIFECYCLE = {"open", "close", "path"}  # context.py opens and closes the run's journal


def journal_methods(package: Path) -> tuple[set[str], set[str]]:
    """(names only the journal has, names it shares), from the Journal class itself."""
    tree = ast.parse((package / "storage" / "journal.py").read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Journal")
    public = {
        f.name for f in cls.body if isinstance(f, ast.FunctionDef) and not f.name.startswith("_")
    }
    return public - SHARED_NAMES, (public & SHARED_NAMES) - LIFECYCLE


def _names_journal(node: ast.expr) -> bool:
    return any(
        "journal" in (n.id if isinstance(n, ast.Name) else n.attr).lower()
        for n in ast.walk(node)
        if isinstance(n, ast.Name | ast.Attribute)
    )


def journal_uses(package: Path) -> list[str]:
    """Transactions and Journal queries outside services/ and storage/, one line each."""
    only, shared = journal_methods(package)
    found = []
    for path in sorted(package.rglob("*.py")):
        where = path.relative_to(package)
        if where.parts[0] in ("services", "storage"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        transactions = {
            id(item.context_expr)
            for node in ast.walk(tree)
            if isinstance(node, ast.With | ast.AsyncWith)
            for item in node.items
        }
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            name = node.func.attr
            transaction = name in ("read", "write") and not node.args and id(node) in transactions
            if name in only or (name in shared and _names_journal(node.func.value)) or transaction:
                found.append(f"{where.as_posix()}:{node.lineno}: {ast.unparse(node)}")
    return found


def test_only_services_and_storage_open_the_journal() -> None:
    uses = journal_uses(PACKAGE)
    if uses:
        pytest.fail(
            "The journal is read or written outside services/ (call a service function):\n"
            + "\n".join(uses),
            pytrace=False,
        )


@pytest.mark.parametrize(
    ("planted", "reported"),
    [
        ("    with journal.read():\n        pass\n", "journal.read()"),
        ("    with ctx.journal().write():\n        pass\n", "ctx.journal().write()"),
        ("    with j.read():\n        pass\n", "j.read()"),
        ("    j.goals(include_closed=True)\n", "j.goals(include_closed=True)"),
        ("    ctx.journal().dump()\n", "ctx.journal().dump()"),
    ],
)
def test_a_journal_call_outside_services_is_found(
    tmp_path: Path, planted: str, reported: str
) -> None:
    package = _copy_package(tmp_path) / "selvleder"
    goal = package / "cli" / "goal.py"
    lines = len(goal.read_text().splitlines())
    goal.write_text(goal.read_text() + "\n\ndef _planted(ctx, journal, j):\n" + planted)

    assert journal_uses(package) == [f"cli/goal.py:{lines + 4}: {reported}"]
    assert journal_uses(PACKAGE) == []


def test_files_and_streams_are_not_the_journal(tmp_path: Path) -> None:
    package = _copy_package(tmp_path) / "selvleder"
    goal = package / "cli" / "goal.py"
    goal.write_text(
        goal.read_text()
        + "\n\ndef _files(handle, setup):\n"
        + "    handle.read()\n    handle.write('x')\n    setup.is_empty()\n"
        + "    with open('f') as f:\n        f.read()\n"
    )

    assert journal_uses(package) == []


def test_the_root_options_are_spelled_only_in_their_declaration() -> None:
    """cli/declare.py's ROOT declares them; the modules that read argv derive from it."""
    from selvleder.cli.declare import ROOT as ROOT_OPTIONS

    names = {name for option in ROOT_OPTIONS for name in option.names}
    spelled = [
        f"{module}:{node.lineno}: {node.value}"
        for module in ("cli/app.py", "cli/usage.py", "quick.py", "context.py", "entry.py")
        for node in ast.walk(ast.parse((PACKAGE / module).read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in names
    ]
    assert spelled == []
