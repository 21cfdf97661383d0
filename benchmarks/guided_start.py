"""How long a guided flow takes to its first question (PRODUCT.md, issue 15: the guided
flows are not on the speed bar, but must start in under 0.3 s).

Each flow runs in a real pseudo-terminal (pexpect) on a 1-year demo journal in a throwaway
home; "ready" is the moment the process blocks in select() waiting for a key
(/proc/PID/syscall, so Linux only). Each run is interleaved with a bare `python -c pass`.

    python benchmarks/guided_start.py             # medians and ratios, 15 runs
    python benchmarks/guided_start.py --check     # exit 1 when a median is 0.3 s or more
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BAR_SECONDS = 0.3
FLOWS = {name: [name] for name in ("init", "plan-week", "reflect", "ask-leader")}
WAITING = {"7", "23", "270", "271", "72", "73"}  # poll, select, pselect6, ppoll (x86_64, arm64)


def wait_for_a_key(pid: int, limit: float = 10.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/syscall", encoding="ascii") as f:
                if f.read().split(" ", 1)[0] in WAITING:
                    return
        except OSError:
            pass
        time.sleep(0.002)
    raise SystemExit(f"process {pid} never waited for a key")


def main() -> int:
    import pexpect

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    exe = str(Path(sys.executable).parent / "selvleder")
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ)
        for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "HOME"):
            env[name] = os.path.join(tmp, name.lower())
        env["SELVLEDER_DB"] = os.path.join(tmp, "journal.db")
        env["PATH"] = os.pathsep.join([os.path.join(tmp, "bin"), env.get("PATH", "")])
        os.makedirs(os.path.join(tmp, "bin"))
        for tool in ("crontab", "notify-send"):  # never the real ones
            fake = os.path.join(tmp, "bin", tool)
            Path(fake).write_text("#!/bin/sh\nexit 0\n")
            os.chmod(fake, 0o755)
        subprocess.run(
            [exe, "demo", "--db", env["SELVLEDER_DB"], "--force"],
            env=env,
            capture_output=True,
            check=True,
        )
        bare: list[float] = []
        took: dict[str, list[float]] = {name: [] for name in FLOWS}
        for _ in range(args.runs):
            start = time.perf_counter()
            subprocess.run([sys.executable, "-c", "pass"], check=True)
            bare.append(time.perf_counter() - start)
            for name, argv in FLOWS.items():
                start = time.perf_counter()
                child = pexpect.spawn(exe, ["--lang", "en", *argv], env=env, dimensions=(40, 100))
                wait_for_a_key(child.pid)
                took[name].append(time.perf_counter() - start)
                child.close(force=True)
    base = statistics.median(bare)
    print(f"bare python -c pass: {base * 1000:.0f} ms (median of {args.runs})")
    slow = []
    for name, times in took.items():
        median = statistics.median(times)
        print(f"{name:<11} to its first question: {median * 1000:4.0f} ms ({median / base:.1f}×)")
        if median >= BAR_SECONDS:
            slow.append(name)
    if args.check and slow:
        print(f"over {BAR_SECONDS} s: {', '.join(slow)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
