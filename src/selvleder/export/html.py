"""One small HTML document module for every HTML file the product writes (the reflection
export and the period report): the page with its ``lang``, the styles (screen and print
on A4), escaping, and inline SVG charts drawn here.

A document is self-contained and makes no request when opened: no script, no font or
image from anywhere, no external URL of any kind. The fonts are a local stack. User text
goes through ``esc``: HTML escaped, control characters made visible (``render.text``), and
``://`` and ``//`` written as character references, so not even a URL a user typed
appears as one in the file (it still reads the same).
"""

from __future__ import annotations

import html as _html
import re

from selvleder.render.text import literal

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

SANS = (
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", '
    '"DejaVu Sans", "Liberation Sans", Arial, sans-serif'
)
MONO = '"DejaVu Sans Mono", Menlo, Consolas, "Liberation Mono", monospace'

# Colours: each reads on white at 4.5:1 or more (text) or 3:1 (chart marks).
INK, MUTED, RULE, ACCENT, SOFT = "#1b1f24", "#50565e", "#d0d4d9", "#1f5f99", "#eef3f8"
SERIES = ("#1f5f99", "#a23b1e", "#2e7d32", "#6a3d9a", "#8a5a00")
DASHES = ("", "6 3", "2 3", "8 3 2 3", "1 2")

STYLE = f"""
:root {{ color-scheme: light; }}
* {{ box-sizing: border-box; }}
body {{ font-family: {SANS}; color: {INK}; background: #fff; line-height: 1.5;
  max-width: 54rem; margin: 2rem auto; padding: 0 1.25rem; font-size: 16px; }}
h1 {{ font-size: 1.75rem; line-height: 1.2; margin: 0 0 .25rem; }}
h2 {{ font-size: 1.3rem; margin: 2rem 0 .5rem; padding-bottom: .2rem;
  border-bottom: 2px solid {ACCENT}; }}
h3 {{ font-size: 1.05rem; margin: 1.25rem 0 .35rem; }}
p, ul, ol, table, figure {{ margin: 0 0 .9rem; }}
ul, ol {{ padding-left: 1.4rem; }}
li {{ margin: .15rem 0; }}
.meta {{ color: {MUTED}; margin-bottom: 1.5rem; }}
.muted {{ color: {MUTED}; }}
.card {{ background: {SOFT}; border-left: 4px solid {ACCENT}; padding: .75rem 1rem;
  margin: 0 0 1rem; }}
.card p:last-child {{ margin-bottom: 0; }}
ul.plain {{ list-style: none; padding-left: 0; }}
ul.coach {{ list-style: none; padding-left: 0; }}
ul.coach li {{ border-left: 3px solid {ACCENT}; padding: .1rem 0 .1rem .7rem; margin: .4rem 0; }}
.answer {{ border-left: 3px solid {RULE}; padding-left: .75rem; white-space: pre-wrap; }}
.tag {{ display: inline-block; font-size: .8rem; padding: 0 .4rem; border-radius: .6rem;
  border: 1px solid {RULE}; color: {MUTED}; margin-left: .3rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: .92rem; }}
caption {{ text-align: left; font-weight: 600; padding-bottom: .3rem; }}
th, td {{ text-align: left; padding: .3rem .5rem; border-bottom: 1px solid {RULE};
  vertical-align: top; }}
th {{ border-bottom: 2px solid {INK}; }}
td:first-child, th:first-child {{ white-space: nowrap; }}
td.num, th.num {{ text-align: right; font-variant-numeric: tabular-nums; }}
figure svg {{ width: 100%; height: auto; display: block; }}
figcaption {{ color: {MUTED}; font-size: .9rem; }}
.chart-text {{ font-family: {SANS}; font-size: 12px; fill: {MUTED}; }}
pre, code {{ font-family: {MONO}; }}
details summary {{ cursor: pointer; color: {MUTED}; }}
@page {{ size: A4; margin: 18mm 16mm 20mm; }}
@media print {{
  body {{ max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }}
  h2 {{ break-after: avoid; page-break-after: avoid; }}
  h3 {{ break-after: avoid; }}
  figure, tr, .card, li {{ break-inside: avoid; page-break-inside: avoid; }}
  details {{ display: block; }}
  details > summary {{ display: none; }}
  .card {{ background: none; }}
}}
"""


_SPECIAL = re.compile(r"[&<>\"'/]")


def esc(text: object) -> str:
    """User or catalogue text as HTML text: escaped, control characters visible, no
    ``//`` in the bytes."""
    shown = literal(str(text))
    if _SPECIAL.search(shown) is None:
        return shown  # most text: nothing to escape
    shown = _html.escape(shown, quote=True)
    if "//" in shown:
        shown = shown.replace("://", "&#58;//").replace("//", "&#47;&#47;")
    return shown


def page(lang: str, title: str, body: str) -> str:
    """The whole document: ``lang``, title, viewport, the styles, and ``body`` (HTML)."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light">\n'
        f"<title>{esc(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def tag(name: str, content: str, cls: str | None = None, **attrs: str) -> str:
    """An element around HTML ``content`` (already escaped)."""
    extra = f' class="{cls}"' if cls else ""
    extra += "".join(f' {k.replace("_", "-")}="{esc(v)}"' for k, v in attrs.items())
    return f"<{name}{extra}>{content}</{name}>"


def items(entries: Iterable[str], ordered: bool = False, cls: str | None = None) -> str:
    """A list of HTML items (each already escaped); nothing for no items."""
    body = "".join(f"<li>{e}</li>" for e in entries)
    if not body:
        return ""
    kind = "ol" if ordered else "ul"
    return f"<{kind}{f' class={chr(34)}{cls}{chr(34)}' if cls else ''}>{body}</{kind}>\n"


def table(
    head: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    numeric: Sequence[int] = (),
    caption: str | None = None,
    id: str | None = None,
) -> str:
    """A table of HTML cells (each already escaped); ``numeric``: right-aligned columns."""

    def cell(kind: str, i: int, value: str) -> str:
        return (
            f'<{kind} class="num">{value}</{kind}>' if i in numeric else f"<{kind}>{value}</{kind}>"
        )

    out = [f'<table id="{esc(id)}">' if id else "<table>"]
    if caption:
        out.append(f"<caption>{caption}</caption>")
    out.append(
        "<thead><tr>" + "".join(cell("th", i, h) for i, h in enumerate(head)) + "</tr></thead>"
    )
    out.append("<tbody>")
    for row in rows:
        out.append("<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>")
    out.append("</tbody></table>\n")
    return "".join(out)


# -- charts --------------------------------------------------------------------------

WIDTH, HEIGHT = 720, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 14, 40


def _svg(chart_id: str, title: str, desc: str, body: str, height: int = HEIGHT) -> str:
    # No xmlns: inline SVG in HTML needs none, and the file holds no URL of any kind.
    return (
        f'<svg viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-t {chart_id}-d" font-family="{esc(SANS)}">'
        f'<title id="{chart_id}-t">{esc(title)}</title><desc id="{chart_id}-d">{esc(desc)}</desc>'
        f"{body}</svg>"
    )


def _axis(lo: float, hi: float, ticks: Sequence[float], fmt: Sequence[str], height: int) -> str:
    plot_h = height - TOP - BOTTOM
    out = []
    for value, text in zip(ticks, fmt, strict=True):
        y = TOP + plot_h * (1 - (value - lo) / (hi - lo))
        out.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{RULE}" stroke-width="1"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="{MUTED}">{esc(text)}</text>'
        )
    return "".join(out)


def _x_labels(labels: Sequence[str], xs: Sequence[float], slot: float, height: int) -> str:
    """The labels under the axis, each at least 42 units from the next one drawn. An empty
    label is a place without one (a long window names only each January's year), so the
    gap is measured between the labels drawn, not by a fixed step that could skip them;
    it is taken from the right, so a January wins over the window's first month."""
    drawn: list[str] = []
    last: float | None = None
    for label, x in reversed(list(zip(labels, xs, strict=True))):
        if not label or (last is not None and last - x < 42):
            continue
        last = x
        drawn.append(
            f'<text x="{x:.1f}" y="{height - BOTTOM + 16}" text-anchor="middle" '
            f'font-size="12" fill="{MUTED}">{esc(label)}</text>'
        )
    return "".join(reversed(drawn))


def bar_chart(
    chart_id: str,
    labels: Sequence[str],
    values: Sequence[float | None],
    *,
    title: str,
    desc: str,
    ticks: Sequence[float] = (0.0, 0.25, 0.5, 0.75, 1.0),
    tick_text: Sequence[str] = ("0 %", "25 %", "50 %", "75 %", "100 %"),
    hi: float = 1.0,
) -> str:
    """Bars on a 0..hi scale; a missing value leaves its slot empty (with a small mark)."""
    n = max(len(values), 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / n
    bar = max(slot * 0.7, 1.0)
    xs = [LEFT + slot * (i + 0.5) for i in range(len(values))]
    body = [_axis(0.0, hi, ticks, tick_text, HEIGHT)]
    for x, value in zip(xs, values, strict=True):
        if value is None:
            body.append(
                f'<line x1="{x - bar / 2:.1f}" x2="{x + bar / 2:.1f}" y1="{TOP + plot_h:.1f}" '
                f'y2="{TOP + plot_h:.1f}" stroke="{MUTED}" stroke-dasharray="2 2"/>'
            )
            continue
        h = plot_h * max(0.0, min(value, hi)) / hi
        body.append(
            f'<rect x="{x - bar / 2:.1f}" y="{TOP + plot_h - h:.1f}" width="{bar:.1f}" '
            f'height="{h:.1f}" fill="{ACCENT}"/>'
        )
    body.append(
        f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" '
        f'stroke="{INK}" stroke-width="1"/>'
    )
    body.append(_x_labels(labels, xs, slot, HEIGHT))
    return _svg(chart_id, title, desc, "".join(body))


def line_chart(
    chart_id: str,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    title: str,
    desc: str,
    lo: float = 1.0,
    hi: float = 5.0,
) -> str:
    """One line per series on a lo..hi scale (a gap where a value is missing), each with
    its own colour and dash pattern, and a legend under the chart."""
    height = HEIGHT + (22 if len(series) > 1 else 0)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = max(len(labels), 1)
    slot = plot_w / n
    xs = [LEFT + slot * (i + 0.5) for i in range(len(labels))]
    ticks = [lo + (hi - lo) * k / 4 for k in range(5)]
    body = [_axis(lo, hi, ticks, [f"{t:g}" for t in ticks], HEIGHT)]
    for s, (_, values) in enumerate(series):
        colour, dash = SERIES[s % len(SERIES)], DASHES[s % len(DASHES)]
        runs: list[list[tuple[float, float]]] = [[]]
        for x, value in zip(xs, values, strict=True):
            if value is None:
                if runs[-1]:
                    runs.append([])
                continue
            y = TOP + plot_h * (1 - (min(max(value, lo), hi) - lo) / (hi - lo))
            runs[-1].append((x, y))
        for run in runs:
            if len(run) > 1:
                points = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                dashed = f' stroke-dasharray="{dash}"' if dash else ""
                body.append(
                    f'<polyline points="{points}" fill="none" stroke="{colour}" '
                    f'stroke-width="2"{dashed} stroke-linejoin="round"/>'
                )
            if len(run) == 1 or len(labels) <= 24:
                body += [
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="{colour}"/>' for x, y in run
                ]
    body.append(_x_labels(labels, xs, slot, HEIGHT))
    if len(series) > 1:
        x = LEFT
        for s, (name, _) in enumerate(series):
            colour, dash = SERIES[s % len(SERIES)], DASHES[s % len(DASHES)]
            dashed = f' stroke-dasharray="{dash}"' if dash else ""
            body.append(
                f'<line x1="{x}" x2="{x + 22}" y1="{height - 8}" y2="{height - 8}" '
                f'stroke="{colour}" stroke-width="2"{dashed}/>'
                f'<text x="{x + 28}" y="{height - 4}" font-size="12" fill="{INK}">'
                f"{esc(name)}</text>"
            )
            x += 40 + 8 * len(name)
    return _svg(chart_id, title, desc, "".join(body), height)
