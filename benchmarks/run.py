"""Start-up benchmark for selvleder, as PRODUCT.md's speed bar defines it.

Whole processes on the everyday path: the journal at the default location and
a config file present, in a private HOME. Each command runs at least 15 times,
each run paired with a bare ``python -c pass`` run of the same interpreter,
interleaved; the ratio is taken pair by pair and the median reported, with
the median milliseconds and the peak memory (max RSS) of the command.

    python benchmarks/run.py            # installs selvleder into a fresh venv first
    python benchmarks/run.py --quick    # 3 runs, for CI: never rots, asserts nothing
    python benchmarks/run.py --check    # exit 1 when a bar is missed

By default selvleder is installed with ``pip install .`` (not editable) into
``benchmarks/.work/venv``, as a user would have it; ``--current`` uses the
selvleder already installed beside the running interpreter instead.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "benchmarks" / ".work"

# (label, arguments, bar as a ratio to the bare interpreter, journal-dependent)
COMMANDS = [
    ("energy log", ["energy", "log", "3", "-t", "møter"], 4.0, True),
    ("--help", ["--help"], 8.0, False),
    ("week", ["week"], 10.0, True),
    ("energy insights", ["energy", "insights"], 10.0, True),
    ("reflect --no-input", ["reflect", "--no-input"], 10.0, True),
    ("review", ["review"], None, True),
]
CONFIG = 'lang = "nb"\n[me]\nname = "Ola"\n[leader]\nname = "Kari"\nemail = "kari@example.no"\n'


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


def measure(
    label: str,
    argv: list[str],
    python: str,
    env: dict[str, str],
    runs: int,
    journal: str,
    bar: float | None,
) -> Result:
    ratios, times, peaks = [], [], []
    run_once(argv, env)  # warm the page cache and .pyc files once
    for _ in range(runs):
        bare, _ = run_once([python, "-c", "pass"], env)
        took, peak = run_once(argv, env)
        ratios.append(took / bare)
        times.append(took * 1000)
        peaks.append(peak)
    return Result(
        label, journal, statistics.median(times), statistics.median(ratios), max(peaks) / 1024, bar
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


def prepare_home(exe: str, years: list[int]) -> tuple[dict[str, str], dict[int, Path]]:
    home = WORK / "home"
    if home.exists():
        shutil.rmtree(home)
    (home / ".config" / "selvleder").mkdir(parents=True)
    (home / ".config" / "selvleder" / "config.toml").write_text(CONFIG, encoding="utf-8")
    env = {
        "HOME": str(home),
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "nb_NO.UTF-8",
        "TZ": os.environ.get("TZ", "Europe/Oslo"),
        "COLUMNS": "100",
    }
    data = home / ".local" / "share" / "selvleder"
    data.mkdir(parents=True, mode=0o700)
    journals = {}
    for n in years:
        target = data / f"demo-{n}y.db"
        subprocess.run(
            [exe, "demo", "--years", str(n), "--db", str(target)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        journals[n] = target
    return env, journals


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs each (CI)")
    parser.add_argument("--runs", type=int, default=None, help="runs per command (default 15)")
    parser.add_argument("--current", action="store_true", help="use the installed selvleder")
    parser.add_argument("--check", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args()
    runs = args.runs or (3 if args.quick else 15)
    WORK.mkdir(parents=True, exist_ok=True)
    python, exe = install(args.current)
    years = [1, 10]
    env, journals = prepare_home(exe, years)
    default = Path(env["HOME"]) / ".local" / "share" / "selvleder" / "journal.db"
    results: list[Result] = []
    for n in years:
        shutil.copyfile(journals[n], default)
        os.chmod(default, 0o600)
        for label, argv, bar, per_journal in COMMANDS:
            if not per_journal and n != years[0]:
                continue
            journal = f"{n}y" if per_journal else "-"
            results.append(measure(label, [exe, *argv], python, env, runs, journal, bar))
    print(
        f"selvleder start-up, {date.today()}, {platform.machine()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} cores, {runs} runs each"
    )
    print(
        f"{'command':<20} {'journal':>7} {'median ms':>10} {'ratio':>7} {'peak MB':>8} {'goal':>7}"
    )
    for r in results:
        goal = f"≤ {r.bar:g}×" if r.bar else "–"
        mark = "" if r.ok else "  over"
        print(
            f"{r.label:<20} {r.journal:>7} {r.median_ms:>10.1f} {r.ratio:>6.2f}× "
            f"{r.peak_mb:>8.1f} {goal:>7}{mark}"
        )
    growth_ok = True
    for label, _argv, _bar, per_journal in COMMANDS:
        if not per_journal:
            continue
        small = next(r for r in results if r.label == label and r.journal == "1y")
        large = next(r for r in results if r.label == label and r.journal == "10y")
        growth = large.ratio - small.ratio
        growth_ok &= growth <= 1.0
        print(f"{label:<20} 1y → 10y: {growth:+.2f}× (goal ≤ +1×)")
    missed = [r for r in results if not r.ok]
    if args.check and (missed or not growth_ok):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
