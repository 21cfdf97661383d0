"""The guided flows in a real terminal (issue 15): line editing, answers checked where
they are typed, the reflect → plan-week loop, the first run, one look (PRODUCT.md,
"Guided flows")."""

from __future__ import annotations

import json
import os
import re
import tomllib
from pathlib import Path

import pexpect
import pytest

from helpers import BIN, interrupt, run_bin, run_cli

FRI = "2026-11-27T16:00:00+01:00"  # week 48: reflect looks at week 48, plan-week plans 49
LEFT, BACKSPACE, HOME, END = "\x1b[D", "\x7f", "\x1b[H", "\x1b[F"


@pytest.fixture(autouse=True)
def friday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", FRI)


def spawn(*args: str, lang: str = "en", **env: str) -> pexpect.spawn:
    full = {**os.environ, "SELVLEDER_LANG": lang, "COLUMNS": "100", **env}
    child = pexpect.spawn(str(BIN), list(args), env=full, encoding="utf-8", timeout=20)
    child.setwinsize(50, 100)
    return child


def answer(child: pexpect.spawn, prompt: str, text: str) -> None:
    child.expect_exact(prompt)
    child.sendline(text)


def finish(child: pexpect.spawn) -> int | None:
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def journal_file(home: Path) -> Path:
    return home / ".local" / "share" / "selvleder" / "journal.db"


def config_file(home: Path) -> Path:
    return home / ".config" / "selvleder" / "config.toml"


# -- line editing ---------------------------------------------------------------------------


def test_arrow_keys_edit_the_line_and_store_clean_text() -> None:
    """Review M1: ← to fix a typo stored 'Budgxt draft\\x1b[D…' in the journal."""
    child = spawn("plan-week")
    answer(child, "What matters most right now? ", "")
    answer(child, "  -: ", "")
    child.expect_exact("Priority 1: ")
    # a typo, seven steps back, Backspace, the fix, Home and End, then Enter
    child.send("Budgxt draft" + LEFT * 7 + BACKSPACE + "e" + HOME + END + "\r")
    for _ in range(4):
        answer(child, "(Enter: skip): ", "")
    answer(child, "Priority 2: ", "")
    answer(child, "(e.g. 20)? ", "")
    answer(child, "[Y/n]: ", "y")
    assert finish(child) == 0
    plan = json.loads(run_cli("week", "--week", "49", "--json").out)
    assert [p["title"] for p in plan["priorities"]] == ["Budget draft"]


def test_answers_are_cleaned_of_escape_sequences() -> None:
    from selvleder.ui.prompts import clean

    assert clean("Budgxt\x1b[D\x1b[D\x1b[3~ draft") == "Budgxt draft"
    assert clean("a\x1b[15~b\x1bOHc\x9b2Jd\x07e\x1b") == "abcde"
    assert clean("  Fair decisions  ") == "Fair decisions"
    assert clean("Æøå – «sitat»") == "Æøå – «sitat»"


# -- answers checked where they are typed -----------------------------------------------------

INIT_EN = [
    ("Your role: ", "Case officer"),
    ("Your mission (what your work is for): ", "Fair decisions"),
    ("  -: ", ""),  # organisation goals
    ("  -: ", ""),  # strengths
    ("  -: ", ""),  # values
    ("  -: ", ""),  # drivers
    ("What gives you joy at work: ", ""),
    ("  -: ", ""),  # mandate: mine
    ("  -: ", ""),  # leader
    ("  -: ", ""),  # bounded
    ("  -: ", "Who signs the letters?"),  # unclear
    ("  -: ", ""),
    ("Your leader's name: ", "Kari"),
]
INIT_NB = [
    ("Rollen din: ", "Saksbehandler"),
    ("Oppdraget ditt (hva arbeidet ditt er til for): ", "Rettferdige vedtak"),
    ("  -: ", ""),
    ("  -: ", ""),
    ("  -: ", ""),
    ("  -: ", ""),
    ("Hva gir deg arbeidsglede? ", ""),
    ("  -: ", ""),
    ("  -: ", ""),
    ("  -: ", ""),
    ("  -: ", "Hvem signerer brevene?"),
    ("  -: ", ""),
    ("Navnet til lederen din: ", "Kari"),
]


@pytest.mark.parametrize(
    "lang, steps, email, again, rest",
    [
        (
            "en",
            INIT_EN,
            "Your leader's e-mail: ",
            "'kari at nav' is not an e-mail address. Write it as name@example.org",
            [("Your name: ", ""), ("Your e-mail: ", ""), ("Language (nb/en) [en]: ", "")],
        ),
        (
            "nb",
            INIT_NB,
            "E-postadressen til lederen din: ",
            "«kari at nav» er ikke en e-postadresse. Skriv den som navn@eksempel.no",
            [("Navnet ditt: ", ""), ("E-postadressen din: ", ""), ("Språk (nb/en) [nb]: ", "")],
        ),
    ],
)
def test_init_asks_again_for_a_bad_email_at_once(
    lang: str,
    steps: list[tuple[str, str]],
    email: str,
    again: str,
    rest: list[tuple[str, str]],
    home: Path,
) -> None:
    """Review M2: a bad e-mail was refused after about 20 answers, and all was lost."""
    child = spawn("init", lang=lang)
    child.expect_exact("1/4")
    for prompt, text in steps:
        answer(child, prompt, text)
    answer(child, email, "kari at nav")
    child.expect_exact(again)
    answer(child, email, "?")
    child.expect_exact("ask-leader")  # the help says what the address is for
    answer(child, email, "kari@nav.no")
    for prompt, text in rest:
        answer(child, prompt, text)
    answer(child, "[Y/n]: " if lang == "en" else "[J/n]: ", "")
    assert finish(child) == 0
    config = tomllib.loads(config_file(home).read_text())
    assert config["leader"] == {"name": "Kari", "email": "kari@nav.no"}
    role = json.loads(run_cli("role", "--json").out)
    assert role["role"] in ("Case officer", "Saksbehandler")
    assert [m["kind"] for m in role["mandate"]] == ["unclear"]


def test_init_shows_saved_lists_and_enter_keeps_them(home: Path) -> None:
    """Review m9: a re-run of init hid the organisation goals; Enter keeps them."""
    assert run_cli("init", "--org-goal", "Faster cases", "--strength", "Structure").code == 0
    child = spawn("init")
    answer(child, "Your role: ", "")
    answer(child, "Your mission (what your work is for): ", "")
    child.expect_exact("Enter keeps these")
    child.expect_exact("Faster cases")
    answer(child, "  -: ", "")
    child.expect_exact("Structure")
    answer(child, "  -: ", "-")  # empties the list of strengths
    child.expect(r"[:?\]] $")  # Ctrl-C at the next prompt
    interrupt(child)
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130
    role = json.loads(run_cli("role", "--json").out)
    assert role["org_goals"] == ["Faster cases"]
    assert role["motivation"]["strengths"] == ["Structure"]


def plan_env(max_priorities: int = 5) -> None:
    config = Path(os.environ["HOME"]) / ".config" / "selvleder" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(f"max_priorities = {max_priorities}\n")
    assert run_cli("goal", "add", "Shorter case handling").code == 0
    assert (
        run_cli("goal", "add", "Plain letters", "--measure", "m", "--due", "2027-06-30").code == 0
    )


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_plan_week_checks_each_answer_and_previews_the_saved_order(lang: str) -> None:
    """Review M2, M3 and m1: a goal id that is not there, a number at the cap; the
    preview in the order the week is saved in."""
    plan_env(max_priorities=3)
    assert run_cli("plan-week", "--week", "48", "-p", "Old report", "-p", "Old call").code == 0
    en = lang == "en"
    child = spawn("plan-week", lang=lang)
    child.expect_exact("(no measure or due date yet)" if en else "(mangler måleindikator")
    answer(child, "[k] " if en else "[b] ", "")  # keep 'Old report'
    answer(child, "[k] " if en else "[b] ", "d")
    answer(child, "? ", "The budget")
    answer(child, "  -: ", "")
    answer(child, "2: ", "Budget draft")
    goal = "(Enter: none): " if en else "(Enter: ingen): "
    answer(child, goal, "7")
    child.expect_exact(
        "There is no active goal with the number 7. Choose one of 1, 2"
        if en
        else "Det finnes ikke noe aktivt mål med nummer 7. Velg et av 1, 2"
    )
    answer(child, goal, "2")
    skip = "(Enter: skip): " if en else "(Enter: hopp over): "
    for reply in ("high" if en else "høy", "", "2h", ""):  # value, energy, estimate, block
        answer(child, skip, reply)
    answer(child, "3: ", "Hearing reply")
    answer(child, goal, "")
    for _ in range(4):
        answer(child, skip, "")
    answer(child, "4: ", "Urgent letter")
    which = "(Enter: 'Urgent letter' waits instead): " if en else "stedet): "
    answer(child, which, "9")
    child.expect_exact(
        "'9' is not a number from 1 to 3" if en else "«9» er ikke et tall fra 1 til 3"
    )
    answer(child, which, "")  # Enter: the new one waits; nothing typed is lost
    answer(child, "4: ", "")
    answer(child, "20)? ", "95")
    child.expect_exact("95")
    answer(child, "20)? ", "15")
    child.expect_exact("Your plan:" if en else "Planen din:")
    shown = []
    for title in ("Budget draft", "Hearing reply", "Old report"):
        child.expect(r"(\d)\. " + title)
        shown.append((child.match.group(1), title))
        if title == "Budget draft":  # what will be saved with it, under it
            child.expect_exact("high value · 2h" if en else "høy verdi · 2h")
    answer(child, "[Y/n]: " if en else "[J/n]: ", "")
    assert finish(child) == 0
    plan = json.loads(run_cli("week", "--week", "49", "--json").out)
    saved = [(str(i), p["title"]) for i, p in enumerate(plan["priorities"], 1)]
    assert shown == saved == [("1", "Budget draft"), ("2", "Hearing reply"), ("3", "Old report")]
    assert plan["priorities"][0]["goal_id"] == 2
    assert plan["priorities"][0]["value"] == "high"
    assert plan["priorities"][0]["estimate_minutes"] == 120
    assert plan["can_wait"] == ["Urgent letter"] and plan["buffer_pct"] == 15


def test_a_title_over_the_limit_is_refused_in_words_and_asked_again() -> None:
    child = spawn("plan-week")
    answer(child, "What matters most right now? ", "")
    answer(child, "  -: ", "")
    answer(child, "Priority 1: ", "x" * 400)
    child.expect_exact("That is 400 characters; at most 300 fit here.")
    child.expect_exact("Priority 1: ")
    interrupt(child)
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130


def prompts_of_init() -> int:
    """Enter at every prompt: role, mission, four lists, joy, four mandate lists, the
    leader's name and e-mail, yours, the language, the confirmation."""
    return 17


@pytest.mark.parametrize("stop_at", range(prompts_of_init()))
def test_ctrl_c_at_any_init_prompt_saves_nothing(stop_at: int, home: Path) -> None:
    child = spawn("init")
    for _ in range(stop_at):
        child.expect(r"[:?\]] $")
        child.sendline("")
    child.expect(r"[:?\]] $")
    interrupt(child)
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130
    assert not config_file(home).exists()
    assert run_cli("role", "--json").out.count("null") >= 3  # role, mission, joy: not set


@pytest.mark.parametrize("stop_at", range(9))
def test_ctrl_c_or_end_of_input_at_any_plan_prompt_saves_nothing(stop_at: int, home: Path) -> None:
    assert run_cli("plan-week", "--week", "48", "-p", "Old report").code == 0
    before = journal_file(home).read_bytes()
    child = spawn("plan-week")
    for text in ["k", "", "", "New one", "", "", "", "", ""][:stop_at]:
        child.expect(r"[:?\]] $")
        child.sendline(text)
    child.expect(r"[:?\]] $")
    if stop_at % 2:
        interrupt(child)
    else:
        child.sendeof()
    child.expect_exact("Stopped. Nothing was saved.")
    assert finish(child) == 130
    assert journal_file(home).read_bytes() == before


# -- the loop ----------------------------------------------------------------------------------


def reflected_week(tmp_path: Path) -> None:
    """Week 48: two priorities, one done; a reflection with a step for next week."""
    assert run_cli("plan-week", "--week", "48", "-p", "Budget draft", "-p", "Reply").code == 0
    assert run_cli("priority", "done", "1").code == 0
    answers = tmp_path / "answers.toml"
    answers.write_text('next_week = "Protect Wednesday morning"\n')
    assert run_cli("reflect", "--answers", str(answers), "--no-input").code == 0


@pytest.mark.parametrize(
    "lang, outcome, step",
    [
        ("en", "Week 48: 1 of 2 done; one still open.", "Your step for this week, from your"),
        ("nb", "Uke 48: 1 av 2 gjort; én er fortsatt åpen.", "Steget ditt for denne uka"),
    ],
)
def test_plan_week_opens_with_last_week_and_its_step(
    lang: str, outcome: str, step: str, tmp_path: Path
) -> None:
    reflected_week(tmp_path)
    child = spawn("plan-week", lang=lang)
    child.expect_exact(outcome)
    child.expect_exact(step)
    child.expect_exact("Protect Wednesday morning")
    child.expect_exact("1/4")
    child.expect(r"[:?\]] $")  # Ctrl-C at the first prompt
    interrupt(child)
    assert finish(child) == 130


def reflect_with_step(step: str) -> pexpect.spawn:
    """A guided reflect that skips the five tips and the pulse and writes only ``step``
    for next week (last week's step is the default shown)."""
    child = spawn("reflect")
    for _ in range(5):
        child.expect(r"\? $")
        child.sendline("")
        answer(child, "How did it go, 1–5: ", "")
    for _ in range(4):
        child.expect(r"\(1–5\): ")
        child.sendline("")
    answer(child, "Next week, one small step [Protect Wednesday morning]: ", step)
    return child


def test_reflect_ends_by_offering_to_plan_the_coming_week(home: Path, tmp_path: Path) -> None:
    reflected_week(tmp_path)
    child = reflect_with_step("Ask Kari")
    child.expect_exact("Saved your reflection for week 48.")
    answer(child, "Plan week 49 now? [Y/n]: ", "")
    child.expect_exact("Plan week 49")
    child.expect_exact("Week 48: 1 of 2 done; one still open.")
    child.expect_exact("Ask Kari")  # the step just written
    answer(child, "[k] ", "k")
    child.expect(r"[:?\]] $")  # Ctrl-C at the next prompt
    interrupt(child)
    child.expect_exact("the plan for week 49 was not saved. Your reflection is saved.")
    assert finish(child) == 0
    data = json.loads(run_cli("reflect", "--week", "48", "--json").out)
    assert data["next_week"] == "Ask Kari"
    assert json.loads(run_cli("week", "--week", "49", "--json").out)["priorities"] == []


def test_ctrl_c_at_the_offer_keeps_the_reflection(tmp_path: Path) -> None:
    reflected_week(tmp_path)
    child = reflect_with_step("Ask Kari")
    child.expect_exact("Plan week 49 now? [Y/n]: ")
    interrupt(child)
    child.expect_exact("Your reflection is saved.")
    out = child.read()
    assert finish(child) == 0 and "Nothing was saved" not in out
    assert json.loads(run_cli("reflect", "--week", "48", "--json").out)["next_week"] == "Ask Kari"


def test_off_a_terminal_reflect_names_the_command_that_plans_next(tmp_path: Path) -> None:
    reflected_week(tmp_path)
    out = run_bin("reflect").out
    assert "Next: plan week 49 with 'selvleder plan-week'." in out
    nb = run_bin("--lang", "nb", "reflect", "--week", "47").out
    assert "planlegg uke 48: «selvleder plan-week --week 2026-W48»." in nb


# -- first run -----------------------------------------------------------------------------------

TIPS = {
    "en": [
        "1. Reflect on your role and mission",
        "How does my effort contribute to the organisation's goals?",
        "2. Set clear goals for your own work",
        "3. Prioritise and plan the week",
        "4. Ask for and give feedback — order leadership",
        "5. Look after motivation and energy",
        "How is my balance between work and rest?",
    ],
    "nb": [
        "1. Reflekter over egen rolle og oppdrag",
        "2. Sett tydelige mål for eget arbeid",
        "3. Prioriter og planlegg for effektiv og riktig oppgaveløsning",
        "4. Be om og gi tilbakemelding – bestill ledelse",
        "5. Ta vare på motivasjon og energi",
        "Hva gir deg arbeidsglede?",
    ],
}
NO_PAST = ("0 active goal", "0 aktive mål", "in 4 weeks", "på 4 uker", "last 4 weeks", "4 ukene")


@pytest.mark.parametrize("lang", ["en", "nb"])
def test_first_run_shows_the_start_guide_and_the_five_tips_everywhere(lang: str) -> None:
    """Review M6: five panels of zeros and 'not asked your leader in 4 weeks'."""
    off = run_bin("--lang", lang, "reflect").out
    child = spawn("reflect", lang=lang)
    child.expect("J/n|Y/n")
    on = child.before or ""
    child.sendline("n")
    assert finish(child) == 0
    for out in (off, on):
        flat = " ".join(out.split())
        assert "selvleder init" in flat and "selvleder plan-week" in flat
        for line in TIPS[lang]:
            assert line in flat, (line, out)
        assert not any(claim in flat for claim in NO_PAST), out
        assert "╭" not in out  # no panels
    assert not codes() & {"feedback.none_recent", "energy.gaps"}  # and none in the JSON


def codes(week: str = "48") -> set[str]:
    data = json.loads(run_cli("reflect", "--week", week, "--json").out)
    return {o["code"] for tip in data["tips"] for o in tip["observations"]}


@pytest.mark.parametrize(
    "first, speaks",
    [
        ("2026-11-16T10:00:00+01:00", False),  # two weeks old: younger than the window
        ("2026-11-09T10:00:00+01:00", False),  # three weeks old: still younger
        ("2026-11-02T10:00:00+01:00", True),  # the window's Monday (week 45): old enough
        ("2026-10-12T10:00:00+02:00", True),
    ],
)
def test_no_claim_about_a_past_the_journal_does_not_have(
    first: str, speaks: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", first)
    assert run_cli("energy", "log", "3").code == 0
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    assert run_cli("energy", "log", "4", "--at", "wed 10:00").code == 0
    found = codes()
    assert ("feedback.none_recent" in found) is speaks
    data = json.loads(run_cli("reflect", "--json").out)
    feedback = next(o for o in data["tips"][3]["observations"] if o["code"] == "feedback.given")
    assert ("last 4 weeks" in feedback["message"]) is speaks
    text = " ".join(run_cli("reflect", "--no-input").out.split())
    assert ("anything in 4 weeks" in text) is speaks
    assert ("No feedback given or asked for yet." in text) is not speaks


def test_energy_gaps_count_no_day_before_the_journal_began(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SELVLEDER_NOW", "2026-11-26T10:00:00+01:00")  # Thursday of week 48
    assert run_cli("energy", "log", "3").code == 0
    monkeypatch.setenv("SELVLEDER_NOW", FRI)
    assert "energy.gaps" not in codes()  # Mon-Wed were before the first entry
    assert run_cli("energy", "log", "3", "--at", "mon 10:00").code == 0
    assert "energy.gaps" in codes()  # now Tuesday and Wednesday are gaps


# -- ask-leader ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "lang, first, topic, yes",
    [
        ("en", "1. Feedback", "What is it about? ", "Y/n"),
        ("nb", "1. Tilbakemelding", "Hva gjelder det? ", "J/n"),
    ],
)
def test_ask_leader_menu_in_words_and_the_message_once(
    lang: str, first: str, topic: str, yes: str
) -> None:
    child = spawn("ask-leader", lang=lang)
    child.expect_exact("1/3")
    kind = "Choose a number or a word: " if lang == "en" else "Velg et nummer eller et ord: "
    child.expect_exact(kind)
    menu = child.before or ""
    assert first in menu and "8. " in menu
    assert "(feedback)" not in menu and "(decision)" not in menu
    child.sendline("12")
    child.expect_exact("1 til 8" if lang == "nb" else "from 1 to 8")
    answer(child, kind, "4")
    answer(child, topic, "The letter template")
    answer(child, "  -: ", "Which one do we use?")
    answer(child, "  -: ", "")
    answer(child, "[y/N]: " if lang == "en" else "[j/N]: ", "")
    child.expect_exact("The letter template")  # the preview
    answer(child, f"[{yes}]: ", "")
    rest = child.read()
    child.close()
    assert child.exitstatus == 0
    assert "The letter template" not in rest and "Which one" not in rest  # printed once
    assert "The letter template" in run_cli("ask-leader", "--agenda").out


# -- one look --------------------------------------------------------------------------------------


def contrast(rgb: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    def luminance(c: tuple[int, int, int]) -> float:
        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

        r, g, b = map(channel, c)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(rgb), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_every_colour_reads_on_black_and_on_white() -> None:
    from rich.style import Style

    from selvleder.render import palette

    styles = [v for k, v in vars(palette).items() if k.isupper() and isinstance(v, str)]
    styles += list(palette.ENERGY_LEVEL.values())
    seen = set()
    for style in styles:
        color = Style.parse(style).color
        if color is None:
            continue  # bold, dim, italic: the terminal's own text colour
        assert color.number is not None and color.number >= 16, style  # not re-themed
        rgb = tuple(color.get_truecolor())
        seen.add(rgb)
        assert contrast(rgb, (0, 0, 0)) >= 3, (style, rgb)
        assert contrast(rgb, (255, 255, 255)) >= 3, (style, rgb)
    assert len(seen) == len(palette.COLOURS)


def test_no_view_uses_a_themed_basic_colour() -> None:
    """White, yellow, cyan and the other 16 basic colours change with the theme."""
    src = Path(__file__).resolve().parents[1] / "src" / "selvleder"
    basic = r"\b(?:bright_)?(?:black|red|green|yellow|blue|magenta|cyan|white)\b"
    for folder in ("render", "ui", "commands"):
        for path in (src / folder).glob("*.py"):
            for string in re.findall(r'"([^"\n]*)"', path.read_text()):
                words = string.split()
                if words and all(
                    re.fullmatch(rf"{basic}|bold|dim|italic|strike|on", w) for w in words
                ):
                    assert not re.search(basic, string), (path.name, string)


def test_colours_on_a_terminal_and_none_with_no_color() -> None:
    assert run_cli("goal", "add", "Unclear goal").code == 0
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    coloured = pexpect.spawn(
        str(BIN), ["goal", "list"], env={**env, "TERM": "xterm"}, encoding="utf-8"
    )
    out = coloured.read()
    assert "\x1b[38;5;130m" in out  # the amber of an unclear goal, from the 256 colours
    plain = pexpect.spawn(
        str(BIN), ["goal", "list"], env={**env, "NO_COLOR": "1"}, encoding="utf-8"
    )
    assert "38;5" not in plain.read()


def test_the_users_own_words_are_never_dim(tmp_path: Path) -> None:
    from rich.console import Console

    from selvleder.render.guided import words

    console = Console(force_terminal=True, color_system="256", width=80)
    with console.capture() as captured:
        console.print(words("Next week", "Protect Wednesday morning"))
    out = captured.get()
    assert "\x1b[2m  Next week: \x1b[0mProtect Wednesday morning" in out


# -- long answers ----------------------------------------------------------------------------------


def test_a_long_answer_in_the_editor_is_kept_and_a_too_long_one_reopens_it(
    tmp_path: Path, home: Path
) -> None:
    """Review M5: 6,600 characters from the editor were dropped with their rating."""
    reflected_week(tmp_path)
    counter = tmp_path / "runs"
    editor = tmp_path / "editor.sh"
    editor.write_text(
        "#!/bin/sh\n"
        f'echo x >> "{counter}"\n'
        f'if [ "$(wc -l < "{counter}")" -eq 2 ]; then n=25000; else n=6600; fi\n'
        # the first run writes 6,600 characters (kept), the second 25,000 (too long)
        f"python3 -c \"import sys; open(sys.argv[1], 'w').write('a' * $n)\" \"$1\"\n"
    )
    editor.chmod(0o755)
    child = spawn("reflect", EDITOR=str(editor))
    child.expect(r"\? $")
    child.sendline("e")
    child.expect_exact("Kept your answer from the editor (6,600 characters).")
    answer(child, "How did it go, 1–5: ", "4")
    child.expect(r"\? $")
    child.sendline("e")
    child.expect_exact("Your answer has 25,000 characters; at most 20,000 fit.")
    child.expect_exact("Kept your answer from the editor (6,600 characters).")
    answer(child, "How did it go, 1–5: ", "")
    for _ in range(3):
        child.expect(r"\? $")
        child.sendline("")
        answer(child, "How did it go, 1–5: ", "")
    for _ in range(5):  # the pulse, next week
        child.expect(r"[:\]] $")
        child.sendline("")
    answer(child, "Plan week 49 now? [Y/n]: ", "n")
    assert finish(child) == 0
    data = json.loads(run_cli("reflect", "--week", "48", "--json").out)
    assert [(t["answer"], t["rating"]) for t in data["tips"][:2]] == [
        ("a" * 6600, 4),
        ("a" * 6600, None),
    ]


def test_styled_lines_wrap_at_words_and_keep_their_styles() -> None:
    from selvleder.render.guided import coach, words

    line = words("Next week", "Protect Wednesday morning \x1b[2J for the budget draft")
    plain = line.lines(30, colour=False)
    assert all(len(text) <= 30 for text in plain) and "\x1b" not in "".join(plain)
    assert " ".join(part.strip() for part in plain) == (
        "Next week: Protect Wednesday morning \\x1b[2J for the budget draft"
    )
    assert plain[1].startswith("  ") and not plain[1].startswith("   ")
    coloured = coach("One item in your room to act is unclear.").lines(20, colour=True)
    assert all(text.startswith("  \x1b[3;38;5;31m") for text in coloured[1:])
    assert words("Focus", "x").lines(80, colour=True) == ["\x1b[2m  Focus: \x1b[0mx"]


def test_a_long_sentence_on_a_terminal_wraps_between_words_and_a_path_stays_whole(
    tmp_path: Path,
) -> None:
    """Plain messages (Terminal.say) were written raw, so the terminal cut words in two
    ('oppgi en t' / 'id selv'); on a terminal they wrap between words now, and a long
    path is never split. Off a terminal the sentence stays on one line."""
    title = "Write the long overdue summary of the consultation responses for the board"
    env = {**os.environ, "COLUMNS": "40"}
    child = pexpect.spawn(str(BIN), ["goal", "add", title], env=env, encoding="utf-8", timeout=20)
    child.expect(pexpect.EOF)
    lines = [line for line in (child.before or "").split("\r\n") if line]
    assert len(lines) > 2 and all(len(line) <= 40 for line in lines), lines
    assert " ".join(lines).startswith(f"Added goal 1: {title} ")  # no word cut in two
    path = tmp_path / ("a-very-long-folder-name-that-is-longer-than-the-screen" * 2) / "x.md"
    path.parent.mkdir()
    child = pexpect.spawn(
        str(BIN),
        ["export", "--format", "markdown", "--out", str(path)],
        env=env,
        encoding="utf-8",
        timeout=20,
    )
    child.expect(pexpect.EOF)
    assert str(path) in (child.before or "").replace("\r\n", " ")
    piped = run_bin("goal", "add", title + " again")
    assert piped.out.splitlines()[0] == f"Added goal 2: {title} again"


@pytest.mark.parametrize("no_color", ["", "1"])
def test_the_flows_colour_only_without_no_color(no_color: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    if no_color:
        env["NO_COLOR"] = no_color
    child = pexpect.spawn(
        str(BIN), ["plan-week"], env={**env, "TERM": "xterm"}, encoding="utf-8", timeout=20
    )
    child.expect_exact("What matters most right now? ")
    shown = child.before or ""
    child.sendeof()
    assert finish(child) == 130
    assert ("\x1b[1;38;5;31m1/3  " in shown) is not bool(no_color)  # the step, in teal
    assert ("38;5" in shown) is not bool(no_color)
