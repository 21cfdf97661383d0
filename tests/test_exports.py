"""The reflection's exports are documents a person keeps (PRODUCT.md, "Exports look like the
product"; issue 15 point 5): the SVG names a local font stack and draws its borders on the
grid so they join at any size (looked at as PNG with rsvg-convert), and the HTML is a
styled, printable document with ``lang``, not one ``<pre>`` block. Neither makes a
network request when opened."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import run_cli
from png import distinct_colours, read_png
from selvleder.export.svg import CELL_W, LINE_H, block_height, box_arms

NOW = "2026-11-27T14:00:00+01:00"
NAMESPACE = 'xmlns="http://www.w3.org/2000/svg"'  # a name, never fetched


@pytest.fixture()
def journal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("SELVLEDER_NOW", NOW)
    db = str(tmp_path / "j.db")
    for args in (
        ["init", "--no-input", "--role", "Saksbehandler", "--mission", "Gode vedtak"],
        ["mandate", "add", "--unclear", "Hvem godkjenner [bold]malene[/bold]?"],
        ["goal", "add", "Bedre maler", "--measure", "5 maler", "--due", "2027-03-01"],
        ["priority", "add", "Budsjett", "--week", "48", "--goal", "1"],
        ["priority", "add", "Høringssvar https://example.org/h", "--week", "48"],
        ["priority", "done", "1"],
        ["energy", "log", "2", "Tre møter", "-t", "møter"],
        ["energy", "log", "4", "--at", "yesterday 10:00"],
    ):
        done = run_cli("--db", db, *args)
        assert done.code == 0, (args, done.err)
    answers = tmp_path / "a.toml"
    answers.write_text(
        'next_week = "Beskytte torsdag formiddag"\n'
        '[role]\nanswer = "Jeg skriver vedtak [red]raskt[/red]"\nrating = 4\n'
        "[pulse]\ncompetence = 4\nautonomy = 2\nbelonging = 4\nmeaning = 5\n"
    )
    assert run_cli("--db", db, "reflect", "--answers", str(answers), "--week", "48").code == 0
    return db


def export(db: str, path: Path, lang: str = "nb") -> str:
    done = run_cli(
        "--db", db, "--lang", lang, "reflect", "--week", "48", "--no-input", "--export", str(path)
    )
    assert done.code == 0, done.err
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    return path.read_text(encoding="utf-8")


def test_the_svg_names_only_local_fonts_and_no_url(journal: str, tmp_path: Path) -> None:
    svg = export(journal, tmp_path / "r.svg")
    assert svg.count(NAMESPACE) == 1
    # the namespace is a name, and the URL the user typed is text (no "://" in the bytes)
    rest = svg.replace(NAMESPACE, "").replace("https&#58;&#47;&#47;example.org/h", "")
    for word in ("http", "//", "url(", "@font-face", "@import", "href", "<script", "<image"):
        assert word not in rest, word
    assert "DejaVu Sans Mono" in svg and "monospace" in svg
    assert "Jeg skriver vedtak [red]raskt[/red]" in svg  # user text shown literally
    assert "Høringssvar https&#58;&#47;&#47;example.org/h" in svg  # reads the same, no URL


def _vertical_runs(svg: str) -> dict[float, list[tuple[float, float]]]:
    """The vertical stroke segments of the borders, joined where they touch, by x."""
    found: dict[float, list[tuple[float, float]]] = {}
    for x1, y1, x2, y2 in re.findall(r"M([\d.]+),([\d.]+)L([\d.]+),([\d.]+)", svg):
        if x1 == x2:
            top, bottom = sorted((float(y1), float(y2)))
            found.setdefault(float(x1), []).append((top, bottom))
    joined: dict[float, list[tuple[float, float]]] = {}
    for x, spans in found.items():
        runs: list[tuple[float, float]] = []
        for top, bottom in sorted(spans):
            if runs and top <= runs[-1][1] + 0.01:
                runs[-1] = (runs[-1][0], max(runs[-1][1], bottom))
            else:
                runs.append((top, bottom))
        joined[x] = runs
    return joined


def test_panel_borders_are_one_line_each_side(journal: str, tmp_path: Path) -> None:
    svg = export(journal, tmp_path / "r.svg")
    runs = _vertical_runs(svg)
    # five tip panels of one width: one left and one right edge, each five unbroken lines
    assert len(runs) == 2, sorted(runs)
    left, right = sorted(runs)
    assert right - left == pytest.approx(99 * CELL_W)
    assert [len(runs[left]), len(runs[right])] == [5, 5]
    for (top_l, bottom_l), (top_r, bottom_r) in zip(runs[left], runs[right], strict=True):
        assert (top_l, bottom_l) == (top_r, bottom_r)
        assert (bottom_l - top_l) % LINE_H == pytest.approx(LINE_H / 2, abs=0.01) or (
            bottom_l - top_l
        ) % LINE_H == pytest.approx(0, abs=0.01)


def test_box_drawing_characters_are_read_from_their_names() -> None:
    assert box_arms("─") == {"left": "light", "right": "light"}
    assert box_arms("│") == {"up": "light", "down": "light"}
    assert box_arms("╭") == {"arc": "arc", "down": "light", "right": "light"}
    assert box_arms("┡") == {"down": "light", "right": "heavy", "up": "heavy"}
    assert box_arms("╋") == dict.fromkeys(("up", "down", "left", "right"), "heavy")
    assert box_arms("═") == {"left": "double", "right": "double"}
    assert box_arms("╱") is None and box_arms("a") is None and box_arms("→") is None
    assert block_height("█") == 1 and block_height("▁") == 1 / 8 and block_height("▀") is None


@pytest.mark.parametrize("width", [600, 800, 1200, 1600])
def test_the_svg_renders_with_librsvg_at_common_widths(
    journal: str, tmp_path: Path, width: int
) -> None:
    rsvg = shutil.which("rsvg-convert")
    if rsvg is None:
        pytest.skip("rsvg-convert is not installed (Debian: apt-get install librsvg2-bin)")
    svg = tmp_path / "r.svg"
    export(journal, svg)
    png = tmp_path / "r.png"
    done = subprocess.run(
        [rsvg, "-w", str(width), str(svg), "-o", str(png)], capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    w, h, channels, rows = read_png(png.read_bytes())
    assert w == width and h > width  # a tall picture: the five panels
    assert rows[0][:3] != b"" and distinct_colours(rows, channels) > 20


def test_the_html_is_a_styled_printable_document(journal: str, tmp_path: Path) -> None:
    page = export(journal, tmp_path / "r.html")
    assert page.startswith('<!DOCTYPE html>\n<html lang="nb">')
    assert "<title>Refleksjon for uke 48 (23.11.–29.11.2026)</title>" in page
    assert '<meta name="viewport"' in page and "@page { size: A4" in page
    assert "@media print" in page and "<pre" not in page
    assert page.count("<h2>") == 7  # five tips, the pulse, next week
    assert "<h2>1. Reflekter over egen rolle og oppdrag</h2>" in page
    assert "Jeg skriver vedtak [red]raskt[/red]" in page
    assert '<td>Autonomi</td><td class="num">2/5</td>' in page
    rest = page.replace("https&#58;&#47;&#47;example.org/h", "")  # the user's text
    for word in ("http", "//", "url(", "<script", "@import", "src=", "href="):
        assert word not in rest, word
    english = export(journal, tmp_path / "e.html", "en")
    assert english.startswith('<!DOCTYPE html>\n<html lang="en">')
    assert "<h2>Next week</h2>" in english
