"""Start-up benchmark for selvleder, as PRODUCT.md's speed bar defines it.

Whole processes on the everyday path: the journal at the default location and
a config file present, in a private HOME. Each command runs at least 15 times,
each run paired with a bare ``python -c pass`` run of the same interpreter,
interleaved; the ratio is taken pair by pair and the median reported, with
the median milliseconds and the peak memory (max RSS) of the command.

Every command is covered: the everyday ones on a 1-year and a 10-year journal
(their cost must not grow with the history), every other command and
subcommand on the 10-year journal. A command that writes runs on a fresh copy
of the journal each time (copied before the timer starts); ``import`` runs
into an empty journal; ``remind`` talks to a fake ``crontab`` on PATH, so the
real user's crontab is never touched.

    python benchmarks/run.py            # installs selvleder into a fresh venv first
    python benchmarks/run.py --quick    # 3 runs, no warm-up, for CI: never rots, asserts nothing
    python benchmarks/run.py --check    # exit 1 when a bar is missed
    python benchmarks/run.py --only review --only goal   # the commands starting so
    python benchmarks/run.py --markdown # also print the README table

By default selvleder is installed with ``pip install .`` (not editable) into
``benchmarks/.work/venv``, as a user would have it; ``--current`` uses the
selvleder already installed beside the running interpreter instead.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from subprocess import DEVNULL

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / ".work"

EVERYDAY = (1, 10)  # the journals the everyday commands run on: cost must not grow
LARGE = (10,)
NONE = ()  # does not read the journal

# What a run needs before the timer starts.
KEEP = "keep"  # the journal as the previous run left it (a read, or a repeatable write)
FRESH = "fresh"  # a fresh copy of the journal and the config
EMPTY = "empty"  # no journal at all (import)


@dataclass(frozen=True, slots=True)
class Command:
    label: str
    args: tuple[str, ...]
    bar: float | None
    journals: tuple[int, ...] = LARGE
    before: str = KEEP


def cmd(
    words: str,
    *extra: str,
    bar: float | None = 12.0,
    journals: tuple[int, ...] = LARGE,
    before: str = KEEP,
) -> Command:
    """A command given as words split on spaces, plus ``extra`` arguments with spaces."""
    args = (*words.split(), *extra)
    return Command(" ".join(args), args, bar, journals, before)


# Placeholders in arguments, filled in once the journals exist: {goal} an active
# goal, {closed} a finished one, {planned}/{done} priorities of this week, {log}
# the last energy log, {mandate} a handlingsrom item, {request} an open request,
# {export}/{markdown} an export of the 10-year journal, {backup} a backup of
# it, {out} a scratch output file, {answers} examples/answers.toml, {calendar}
# examples/calendar.ics (read once, then from the journal's cache while unchanged).
COMMANDS: list[Command] = [
    # The everyday commands and their bars from PRODUCT.md, on both journals.
    cmd("energy log 3 -t møter", bar=4.0, journals=EVERYDAY),
    cmd("--help", bar=8.0, journals=NONE),
    cmd("week", bar=10.0, journals=EVERYDAY),
    cmd("energy insights", bar=10.0, journals=EVERYDAY),
    cmd("reflect --no-input", bar=10.0, journals=EVERYDAY),
    cmd("review", bar=12.0, journals=EVERYDAY),
    # Everything else, on the 10-year journal: at most 12× (PRODUCT.md).
    cmd("--version", bar=12.0, journals=NONE),
    cmd("goal --help", bar=12.0, journals=NONE),
    cmd("goal add --help", bar=12.0, journals=NONE),
    cmd("ask-leader --help", bar=12.0, journals=NONE),
    cmd("remind install --help", bar=12.0, journals=NONE),
    cmd("week --json"),
    cmd("week --week last"),
    cmd("week --calendar {calendar}", bar=10.0, journals=EVERYDAY),
    cmd("week --json --calendar {calendar}"),
    cmd("energy insights --calendar {calendar}", bar=10.0),
    cmd("reflect --no-input --calendar {calendar}", bar=10.0),
    cmd("energy show"),
    cmd("energy show --json"),
    cmd("energy show --weeks 52"),
    cmd("energy insights --json"),
    cmd("energy insights --weeks 520"),
    cmd("energy log 4 -t fokus --at", "yesterday 15:30"),
    cmd("energy undo", before=FRESH),
    cmd("energy delete {log}", before=FRESH),
    cmd("reflect --show"),
    cmd("reflect --json"),
    cmd("reflect --week last --no-input"),
    cmd("reflect --no-input --export {out}.md --force"),
    cmd("reflect --no-input --export {out}.svg --force"),
    cmd("reflect --answers {answers} --no-input", before=FRESH),
    cmd("review --json"),
    cmd("review --weeks 52"),
    cmd("review --weeks 520", bar=20.0),
    cmd("review --weeks 520 --json", bar=20.0),
    cmd("role"),
    cmd("role --json"),
    cmd("init --no-input --role Saksbehandler", before=FRESH),
    cmd("mandate list"),
    cmd("mandate list --json"),
    cmd("mandate add", "--unclear", "Hvem godkjenner malen?", before=FRESH),
    cmd("mandate remove {mandate}", before=FRESH),
    cmd("goal list"),
    cmd("goal list --json"),
    cmd("goal list --all"),
    cmd("goal show {goal}"),
    cmd("goal show {goal} --json"),
    cmd("goal add", "Kortere saksbehandling", "--measure", "< 20 dager", before=FRESH),
    cmd("goal add", "Første utkast", "--under", "{goal}", before=FRESH),
    cmd("goal edit {goal} --due 2030-06-30", before=FRESH),
    cmd("goal progress {goal}", "Første utkast sendt", before=FRESH),
    cmd("goal done {goal}", before=FRESH),
    cmd("goal drop {goal}", before=FRESH),
    cmd("goal reopen {closed}", before=FRESH),
    cmd("plan-week --week next -p Budsjett -p Høring --focus Budsjett --buffer 20", before=FRESH),
    cmd("priority add Ringe --week next --value high", before=FRESH),
    cmd("priority edit {planned} --estimate 2h", before=FRESH),
    cmd("priority done {planned}", before=FRESH),
    cmd("priority undone {done}", before=FRESH),
    cmd("priority drop {planned}", before=FRESH),
    cmd("priority move {planned} --week next", before=FRESH),
    cmd("ask-leader list"),
    cmd("ask-leader list --json"),
    cmd("ask-leader list --open"),
    cmd("ask-leader --need decision --topic Malen -q Fredag? --dry-run"),
    cmd("ask-leader --need decision --topic Malen -q Fredag?", before=FRESH),
    cmd(
        "ask-leader --need feedback --topic Rapporten --format eml --out {out}.eml --force",
        before=FRESH,
    ),
    cmd("ask-leader --agenda"),
    cmd("ask-leader answered {request} --note Fredag", before=FRESH),
    cmd("ask-leader close {request}", before=FRESH),
    cmd("feedback give --to Ola Takk", before=FRESH),
    cmd("feedback ask --from Kari", "Hvordan gikk presentasjonen?", before=FRESH),
    cmd("feedback list"),
    cmd("feedback list --json"),
    cmd("doctor"),
    cmd("doctor --json"),
    cmd("export"),
    cmd("export --format markdown"),
    cmd("export --out {out}.json --force"),
    # The period report: not on a speed bar of its own, but a 10-year window in under 2 s.
    cmd("report"),
    cmd("report --months 120 --share-notes --share-reflections --out {out}.html --force", bar=None),
    cmd("import {export}", bar=40.0, before=EMPTY),
    cmd("backup {out}.db --force"),
    cmd("restore {backup} --yes", before=FRESH),
    cmd("forget --all --yes", before=FRESH),
    cmd("remind install --energy", "mon-fri 10:00,14:30", before=FRESH),
    cmd("remind install --dry-run --reflect", "fri 13:00"),
    cmd("remind show"),
    cmd("remind pause --until 2030-01-04", before=FRESH),
    cmd("remind resume", before=FRESH),
    cmd("remind remove", before=FRESH),
    cmd("remind run energy"),
    # a Tab in the shell: the ids of a 10-year journal, no more than a plain command
    cmd("__complete bash goal done", "", bar=10.0),
    cmd("__complete zsh priority done", "", bar=10.0),
    cmd("completion bash", journals=NONE),
    cmd("demo --db {out}-demo.db --force", bar=None, journals=NONE),
    cmd("demo --years 10 --db {out}-demo.db --force", bar=None, journals=NONE),
]
# How the placeholders read in the printed tables.
SHOWN = {
    "goal": "ID",
    "closed": "ID",
    "planned": "ID",
    "done": "ID",
    "log": "ID",
    "mandate": "ID",
    "request": "ID",
    "export": "journal.json",
    "backup": "backup.db",
    "out": "out",
    "answers": "answers.toml",
    "calendar": "calendar.ics",
}
CONFIG = 'lang = "nb"\n[me]\nname = "Ola"\n[leader]\nname = "Kari"\nemail = "kari@example.no"\n'

# A stand-in for cron's crontab(1): -l prints the table, - replaces it, -r removes it.
FAKE_CRONTAB = """#!/bin/sh
table="$HOME/crontab.txt"
case "$1" in
  -l) [ -f "$table" ] || { echo "no crontab for $USER" >&2; exit 1; }; cat "$table" ;;
  -r) rm -f "$table" ;;
  -) cat > "$table" ;;
  *) exit 1 ;;
esac
"""
FAKE_NOTIFY = "#!/bin/sh\nexit 0\n"


@dataclass
class Result:
    label: str
    journal: str
    median_ms: float
    ratio: float
    peak_mb: float
    bar: float | None

    @property
    def ok(self) -> bool:
        return self.bar is None or self.ratio <= self.bar


@dataclass
class Home:
    env: dict[str, str]
    journal: Path  # the default location, where every command runs
    config: Path
    journals: dict[int, Path]  # pristine demo journals by years
    places: dict[str, str]  # placeholder values


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Wall time in seconds and peak RSS in KiB of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} exited {proc.returncode}")
    return elapsed, usage.ru_maxrss


def reset(home: Home, years: int, before: str) -> None:
    """Put the journal (and the config) in the state a run of this kind starts from."""
    if before == KEEP:
        return
    for stale in home.journal.parent.glob(home.journal.name + "*"):
        stale.unlink()
    backups = home.journal.parent / "backups"
    if backups.exists():
        shutil.rmtree(backups)
    if before == FRESH:
        shutil.copyfile(home.journals[years], home.journal)
        os.chmod(home.journal, 0o600)
        home.config.write_text(CONFIG, encoding="utf-8")
        # On disk before the timer starts: otherwise the command's first fsync
        # (synchronous=FULL) would pay for writing back the whole fresh copy.
        for path in (home.journal, home.config):
            with open(path, "rb+") as handle:
                os.fsync(handle.fileno())


def measure(
    command: Command, argv: list[str], python: str, home: Home, runs: int, years: int, warm: bool
) -> Result:
    ratios, times, peaks = [], [], []
    if warm:
        reset(home, years, command.before)
        run_once(argv, home.env)  # warm the page cache and .pyc files once
    for _ in range(runs):
        reset(home, years, command.before)
        bare, _ = run_once([python, "-c", "pass"], home.env)
        took, peak = run_once(argv, home.env)
        ratios.append(took / bare)
        times.append(took * 1000)
        peaks.append(peak)
    journal = f"{years}y" if command.journals else "-"
    return Result(
        command.label,
        journal,
        statistics.median(times),
        statistics.median(ratios),
        max(peaks) / 1024,
        command.bar,
    )


def install(current: bool) -> tuple[str, str]:
    """(python, selvleder executable) to measure."""
    if current:
        exe = shutil.which("selvleder", path=str(Path(sys.executable).parent))
        if exe is None:
            raise SystemExit("no selvleder beside this interpreter; install it or drop --current")
        return sys.executable, exe
    venv = WORK / "venv"
    if venv.exists():
        shutil.rmtree(venv)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "-q"]
    subprocess.run(
        [*pip, str(ROOT)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return str(venv / "bin" / "python"), str(venv / "bin" / "selvleder")


def _first(db: Path, sql: str) -> str:
    with sqlite3.connect(db) as connection:
        row = connection.execute(sql).fetchone()
    connection.close()
    if row is None or row[0] is None:
        raise SystemExit(f"the demo journal has nothing for: {sql}")
    return str(row[0])


def prepare_home(exe: str, years: list[int]) -> Home:
    home = WORK / "home"
    if home.exists():
        shutil.rmtree(home)
    config = home / ".config" / "selvleder" / "config.toml"
    config.parent.mkdir(parents=True)
    config.write_text(CONFIG, encoding="utf-8")
    bin_dir = home / "bin"
    bin_dir.mkdir()
    for name, text in (("crontab", FAKE_CRONTAB), ("notify-send", FAKE_NOTIFY)):
        (bin_dir / name).write_text(text, encoding="utf-8")
        (bin_dir / name).chmod(0o755)
    env = {
        "HOME": str(home),
        "USER": "bench",
        "PATH": f"{bin_dir}:{os.environ.get('PATH', '/usr/bin:/bin')}",
        "LANG": "nb_NO.UTF-8",
        "TZ": os.environ.get("TZ", "Europe/Oslo"),
        "COLUMNS": "100",
    }
    data = home / ".local" / "share" / "selvleder"
    data.mkdir(parents=True, mode=0o700)
    scratch = home / "scratch"
    scratch.mkdir(mode=0o700)
    journals = {}
    for n in years:
        target = scratch / f"demo-{n}y.db"
        subprocess.run(
            [exe, "demo", "--years", str(n), "--db", str(target)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        journals[n] = target
    large = journals[max(years)]

    def on_large(*args: str) -> None:
        subprocess.run(
            [exe, "--db", str(large), *args], env=env, check=True, stdout=DEVNULL, stderr=DEVNULL
        )

    # An open request for answered/close, in the copy every fresh run starts from.
    on_large("ask-leader", "--need", "decision", "--topic", "Benchmark", "-q", "?")
    export = scratch / "export.json"
    on_large("export", "--out", str(export))
    backup = scratch / "backup.db"
    on_large("backup", str(backup))
    this_week = "(SELECT max(week) FROM priorities)"
    places = {
        "goal": _first(large, "SELECT max(id) FROM goals WHERE status = 'active'"),
        "closed": _first(large, "SELECT min(id) FROM goals WHERE status != 'active'"),
        "planned": _first(
            large, f"SELECT max(id) FROM priorities WHERE status = 'planned' AND week = {this_week}"
        ),
        "done": _first(
            large, f"SELECT max(id) FROM priorities WHERE status = 'done' AND week = {this_week}"
        ),
        "log": _first(large, "SELECT max(id) FROM energy_logs"),
        "mandate": _first(large, "SELECT min(id) FROM mandate"),
        "request": _first(large, "SELECT max(id) FROM leader_requests WHERE status = 'open'"),
        "export": str(export),
        "backup": str(backup),
        "out": str(scratch / "out"),
        "answers": str(ROOT / "examples" / "answers.toml"),
        "calendar": str(ROOT / "examples" / "calendar.ics"),
    }
    return Home(env, data / "journal.db", config, journals, places)


def shown(label: str) -> str:
    return label.format(**SHOWN)


def print_table(results: list[Result], runs: int) -> None:
    print(
        f"selvleder start-up, {date.today()}, {platform.machine()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores, {runs} runs each"
    )
    width = max(len(shown(r.label)) for r in results)
    print(
        f"{'command':<{width}} {'journal':>7} {'median ms':>10} {'ratio':>7} "
        f"{'peak MB':>8} {'goal':>7}"
    )
    for r in results:
        goal = f"≤ {r.bar:g}×" if r.bar else "–"
        mark = "" if r.ok else "  over"
        print(
            f"{shown(r.label):<{width}} {r.journal:>7} {r.median_ms:>10.1f} {r.ratio:>6.2f}× "
            f"{r.peak_mb:>8.1f} {goal:>7}{mark}"
        )


def print_markdown(results: list[Result]) -> None:
    names = {"-": "–", "1y": "1 year", "10y": "10 years"}
    print("| command | journal | median ms | ratio to bare Python | peak MB | goal |")
    print("|---|---|---|---|---|---|")
    for r in results:
        goal = f"≤ {r.bar:g}×" if r.bar else "–"
        print(
            f"| `{shown(r.label)}` | {names[r.journal]} | {r.median_ms:.1f} | {r.ratio:.2f}× "
            f"| {r.peak_mb:.1f} | {goal} |"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs each (CI)")
    parser.add_argument("--runs", type=int, default=None, help="runs per command (default 15)")
    parser.add_argument("--current", action="store_true", help="use the installed selvleder")
    parser.add_argument("--check", action="store_true", help="exit 1 when a bar is missed")
    parser.add_argument(
        "--only", action="append", default=[], help="only commands whose label starts so"
    )
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 15)
    WORK.mkdir(parents=True, exist_ok=True)
    python, exe = install(args.current)
    years = sorted({n for c in COMMANDS for n in c.journals})
    home = prepare_home(exe, years)
    chosen = [c for c in COMMANDS if not args.only or c.label.startswith(tuple(args.only))]
    results: list[Result] = []
    for n in years:
        shutil.copyfile(home.journals[n], home.journal)
        os.chmod(home.journal, 0o600)
        for command in chosen:
            if n not in (command.journals or (years[0],)):
                continue
            argv = [exe, *(a.format(**home.places) for a in command.args)]
            results.append(measure(command, argv, python, home, runs, n, not args.quick))
            # A fresh or empty run leaves its own journal: put this round's back.
            if command.before != KEEP:
                reset(home, n, FRESH)
    order = {c.label: i for i, c in enumerate(COMMANDS)}
    results.sort(key=lambda r: (order[r.label], r.journal != "1y"))
    print_table(results, runs)
    growth_ok = True
    for command in chosen:
        if command.journals != EVERYDAY:
            continue
        small = next(r for r in results if r.label == command.label and r.journal == "1y")
        large = next(r for r in results if r.label == command.label and r.journal == "10y")
        growth = large.ratio - small.ratio
        growth_ok &= growth <= 1.0
        print(f"{command.label:<20} 1y → 10y: {growth:+.2f}× (goal ≤ +1×)")
    if args.markdown:
        print()
        print_markdown(results)
    missed = [r for r in results if not r.ok]
    if args.check and (missed or not growth_ok):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
