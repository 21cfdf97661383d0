"""A Rich view as an SVG picture worth keeping: light, in a local font stack, with
borders that join at any size.

Rich's own ``export_svg`` loads Fira Code from a CDN when the file is opened (a network
request from a private document), and it draws panel borders as glyphs of whatever font
the viewer falls back to, so they come apart (librsvg at 1200 px: detached right edges,
gaps at the corners). Here the view is laid out by Rich (``Console.render_lines``) on a
grid of character cells; text is drawn in a local monospace stack, each run fitted to
its cells, and every box-drawing character (and the block elements of the energy chart)
is drawn as lines and rectangles on the grid itself, so edges meet exactly whatever
font the viewer has. The only URL-like text is the SVG namespace, which is a name, not
something fetched.
"""

from __future__ import annotations

import unicodedata

from selvleder.export.html import MONO, SANS, esc

TYPE_CHECKING = False
if TYPE_CHECKING:
    from rich.color import Color
    from rich.console import RenderableType
    from rich.style import Style
    from rich.terminal_theme import TerminalTheme

CELL_W, LINE_H, FONT = 9.6, 20.0, 16  # DejaVu/Liberation Mono: 0.6 em per cell
BASELINE = 15.2  # from the top of a line
PAD, TITLE_H = 20.0, 44.0
LIGHT_STROKE, HEAVY_STROKE = 1.25, 2.5

# A light picture: ANSI colours chosen to read on white (4.5:1 or more), "white" as grey.
BACKGROUND, FOREGROUND, MUTED, FRAME = "#ffffff", "#1b1f24", "#50565e", "#d0d4d9"
ANSI = (
    "#1b1f24",  # black
    "#b3261e",  # red
    "#1e6b2f",  # green
    "#7a5a00",  # yellow
    "#1f5f99",  # blue
    "#7b2f8f",  # magenta
    "#0b6470",  # cyan
    "#50565e",  # white (grey on a white page)
)


def _theme() -> TerminalTheme:
    from rich.terminal_theme import TerminalTheme

    def rgb(hex_: str) -> tuple[int, int, int]:
        return int(hex_[1:3], 16), int(hex_[3:5], 16), int(hex_[5:7], 16)

    colours = [rgb(c) for c in ANSI]
    return TerminalTheme(rgb(BACKGROUND), rgb(FOREGROUND), colours, colours)


_ARMS: dict[str, dict[str, str] | None] = {}
_WEIGHTS = {"LIGHT": "light", "SINGLE": "light", "HEAVY": "heavy", "DOUBLE": "double"}
_DIRECTIONS = {
    "UP": ("up",),
    "DOWN": ("down",),
    "LEFT": ("left",),
    "RIGHT": ("right",),
    "HORIZONTAL": ("left", "right"),
    "VERTICAL": ("up", "down"),
}


def box_arms(char: str) -> dict[str, str] | None:
    """The arms of a box-drawing character and the weight of each ('light', 'heavy',
    'double'; 'arc' marks a rounded corner), read from its Unicode name; None for any
    other character (and for the diagonals)."""
    if char in _ARMS:
        return _ARMS[char]
    name = unicodedata.name(char, "")
    arms: dict[str, str] | None = None
    if name.startswith("BOX DRAWINGS ") and "DIAGONAL" not in name:
        arms = {}
        pending: list[str] = []
        current: str | None = None
        for word in name[len("BOX DRAWINGS ") :].split():
            if word in _WEIGHTS:
                if pending:  # "DOWN LIGHT AND RIGHT HEAVY": the weight follows its arms
                    arms.update((d, _WEIGHTS[word]) for d in pending)
                    pending = []
                else:
                    current = _WEIGHTS[word]
            elif word in _DIRECTIONS:
                for d in _DIRECTIONS[word]:
                    if current:
                        arms[d] = current
                    else:
                        pending.append(d)
            elif word == "ARC":
                arms["arc"] = "arc"
        arms.update((d, current or "light") for d in pending)
        if not any(k in arms for k in ("up", "down", "left", "right")):
            arms = None
    _ARMS[char] = arms
    return arms


def block_height(char: str) -> float | None:
    """A lower block element's share of its cell ('▁' 1/8 … '█' 8/8), else None."""
    code = ord(char)
    if 0x2581 <= code <= 0x2588:
        return (code - 0x2580) / 8
    return None


def _box_path(arms: dict[str, str], x: float, y: float) -> list[tuple[str, str]]:
    """(weight, path data) for one cell's box character at cell (x, y)."""
    cx, cy = x + CELL_W / 2, y + LINE_H / 2
    ends = {
        "left": (x, cy),
        "right": (x + CELL_W, cy),
        "up": (cx, y),
        "down": (cx, y + LINE_H),
    }
    if "arc" in arms:  # a rounded corner: one curve through the centre's corner
        a, b = (d for d in ("up", "down", "left", "right") if d in arms)
        (ax, ay), (bx, by) = ends[a], ends[b]
        return [(arms[a], f"M{ax:.2f},{ay:.2f}Q{cx:.2f},{cy:.2f} {bx:.2f},{by:.2f}")]
    out = []
    for d in ("left", "right", "up", "down"):
        if d not in arms:
            continue
        ex, ey = ends[d]
        if arms[d] == "double":
            dx, dy = (0.0, 1.6) if d in ("left", "right") else (1.6, 0.0)
            for s in (-1, 1):
                out.append(
                    (
                        "light",
                        f"M{cx + s * dx:.2f},{cy + s * dy:.2f}L{ex + s * dx:.2f},{ey + s * dy:.2f}",
                    )
                )
        else:
            out.append((arms[d], f"M{cx:.2f},{cy:.2f}L{ex:.2f},{ey:.2f}"))
    return out


class _Painter:
    def __init__(self) -> None:
        self.theme = _theme()

    def colour(self, color: Color | None, default: str) -> str:
        if color is None or color.is_default:
            return default
        r, g, b = color.get_truecolor(self.theme)
        return f"#{r:02x}{g:02x}{b:02x}"

    def fg_bg(self, style: Style | None) -> tuple[str, str | None]:
        if style is None:
            return FOREGROUND, None
        fg = self.colour(style.color, FOREGROUND)
        bg = None if style.bgcolor is None else self.colour(style.bgcolor, BACKGROUND)
        if style.reverse:
            fg, bg = bg or BACKGROUND, fg
        if style.dim and fg == FOREGROUND:
            fg = MUTED
        return fg, bg


def _text(start: int, y: float, key: tuple[str, bool, bool, bool], chars: list[str]) -> str | None:
    """One run of text fitted to its cells (spaces at either end are left out)."""
    from rich.cells import cell_len

    text = "".join(chars)
    shown = text.strip(" ")
    if not shown:
        return None
    start += cell_len(text[: len(text) - len(text.lstrip(" "))])
    fg, bold, italic, underline = key
    attrs = f' fill="{fg}"' if fg != FOREGROUND else ""
    attrs += ' font-weight="700"' if bold else ""
    attrs += ' font-style="italic"' if italic else ""
    attrs += ' text-decoration="underline"' if underline else ""
    return (
        f'<text x="{PAD + start * CELL_W:.2f}" y="{y + BASELINE:.2f}" '
        f'textLength="{cell_len(shown) * CELL_W:.2f}" lengthAdjust="spacingAndGlyphs"{attrs}>'
        f"{esc(shown)}</text>"
    )


def view_svg(
    renderable: RenderableType, title: str, width: int = 100, label: str = "selvleder"
) -> str:
    """The view as a standalone SVG file on a white card: a bar with ``label`` (the view
    holds its own heading; ``title`` names the picture for screen readers), then the view."""
    import io

    from rich.cells import cell_len
    from rich.console import Console

    console = Console(
        width=width,
        file=io.StringIO(),
        force_terminal=True,
        color_system="truecolor",
        no_color=False,
        markup=False,
        emoji=False,
        highlight=False,
        legacy_windows=False,
    )
    lines = console.render_lines(renderable, console.options, pad=False)
    while lines and not "".join(s.text for s in lines[-1]).strip():
        lines.pop()
    columns = max(
        (sum(cell_len(s.text) for s in line if not s.control) for line in lines), default=0
    )
    painter = _Painter()
    texts: list[str | None] = []
    rects: list[str] = []
    paths: dict[tuple[str, str], list[str]] = {}
    top = TITLE_H + PAD
    for row, line in enumerate(lines):
        y = top + row * LINE_H
        col = 0
        # the line's text as runs of one style: [start column, style, characters]
        runs: list[tuple[int, tuple[str, bool, bool, bool], list[str]]] = []
        broken = True  # a box character ends a run
        for segment in line:
            if segment.control:
                continue
            fg, bg = painter.fg_bg(segment.style)
            style = segment.style
            key = (
                fg,
                bool(style and style.bold),
                bool(style and style.italic),
                bool(style and style.underline),
            )
            for char in segment.text:
                cells = cell_len(char)
                x = PAD + col * CELL_W
                if bg is not None and bg != BACKGROUND:
                    rects.append(
                        f'<rect x="{x:.2f}" y="{y:.2f}" width="{cells * CELL_W:.2f}" '
                        f'height="{LINE_H:.2f}" fill="{bg}"/>'
                    )
                arms, block = box_arms(char), block_height(char)
                if arms is not None:
                    for weight, d in _box_path(arms, x, y):
                        paths.setdefault((fg, weight), []).append(d)
                    broken = True
                elif block is not None:
                    h = LINE_H * block
                    rects.append(
                        f'<rect x="{x:.2f}" y="{y + LINE_H - h:.2f}" width="{CELL_W:.2f}" '
                        f'height="{h:.2f}" fill="{fg}"/>'
                    )
                    broken = True
                elif broken or runs[-1][1] != key:
                    runs.append((col, key, [char]))
                    broken = False
                else:
                    runs[-1][2].append(char)
                col += cells
        texts += [_text(start, y, key, chars) for start, key, chars in runs]
    body_w = columns * CELL_W
    width_px = body_w + 2 * PAD
    height_px = top + len(lines) * LINE_H + PAD
    strokes = []
    for (colour, weight), ds in paths.items():
        stroke = HEAVY_STROKE if weight == "heavy" else LIGHT_STROKE
        strokes.append(
            f'<path d="{"".join(ds)}" fill="none" stroke="{colour}" stroke-width="{stroke}" '
            'stroke-linecap="square"/>'
        )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width_px:.2f} {height_px:.2f}" '
        f'width="{width_px:.0f}" height="{height_px:.0f}" role="img" aria-label="{esc(title)}">\n'
        f"<title>{esc(title)}</title>\n"
        f'<rect x="0.5" y="0.5" width="{width_px - 1:.2f}" height="{height_px - 1:.2f}" rx="8" '
        f'fill="{BACKGROUND}" stroke="{FRAME}"/>\n'
        f'<path d="M0.5,{TITLE_H:.2f}H{width_px - 0.5:.2f}" stroke="{FRAME}"/>\n'
        f'<text x="{PAD:.2f}" y="{TITLE_H / 2 + 6:.2f}" font-family="{esc(SANS)}" '
        f'font-size="15" font-weight="700" fill="{MUTED}">{esc(label)}</text>\n'
        f"{''.join(rects)}\n{''.join(strokes)}\n"
        f'<g font-family="{esc(MONO)}" font-size="{FONT}" fill="{FOREGROUND}" '
        f'xml:space="preserve">\n' + "\n".join(t for t in texts if t) + "\n</g>\n</svg>\n"
    )
