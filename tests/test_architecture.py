"""The architecture holds: import-linter's contracts (pyproject.toml) are kept and no
module reaches itself through a chain of imports.

grimp reads every import statement, so function-level (lazy) and TYPE_CHECKING imports
count like the ones at the top of a module. Both checks are also shown to fail on a
copy of the package that breaks them.
"""

from __future__ import annotations

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
