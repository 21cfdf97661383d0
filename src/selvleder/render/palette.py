"""The product's colours: each one reads on a dark and on a light terminal.

Colours come from the 256-colour cube, whose values terminals do not re-theme
(the 16 basic colours change with every theme: white or bright yellow text
vanishes on a light background). Each colour here has a contrast ratio of at
least 3:1 against black and against white (``tests/test_palette.py`` computes
it). Meaning never rests on colour alone: a mark, a word or italics carries it
too, so ``NO_COLOR`` (which Rich honours) loses nothing.
"""

from __future__ import annotations

TEAL = "color(31)"  # #0087af
GREEN = "color(28)"  # #008700
AMBER = "color(130)"  # #af5f00
RED = "color(160)"  # #d70000
GREY = "color(244)"  # #808080

HEADING = "bold"
STEP = f"bold {TEAL}"  # the "2/5" of a guided flow
COACH = f"italic {TEAL}"  # what the coach says: distinct from the user's words, readable
LABEL = "dim"  # a label before a value (never the user's own words)
GOOD = GREEN
ATTENTION = AMBER  # e.g. a goal without a measure or a due date
BAD = RED
ENERGY_LEVEL = {1: RED, 2: AMBER, 3: GREY, 4: GREEN, 5: f"bold {GREEN}"}

COLOURS = (TEAL, GREEN, AMBER, RED, GREY)
