"""Data safety (issues 8 and 10): backups, restore, forget, and clean failures with the
real executable: corrupt, truncated, read-only, disk full, locked. The file never changes."""

from __future__ import annotations

import hashlib
import os
import resource
import shutil
import signal
import sqlite3
import subprocess
from pathlib import Path

import pytest

from helpers import BIN, run_bin, run_cli, tree
from selvleder.storage.schema import CURRENT_VERSION


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_clean_failure(result: object, code: int = 1) -> None:
    assert result.code == code, (result.out, result.err)  # type: ignore[attr-defined]
    assert "Traceback" not in result.err  # type: ignore[attr-defined]
    assert len(result.err.strip().splitlines()) == 1, result.err  # type: ignore[attr-defined]


@pytest.fixture
def journal(data_dir: Path) -> Path:
    assert run_cli("goal", "add", "Keep me", "--measure", "m", "--due", "2027-01-01").code == 0
    run_cli("energy", "log", "3", "private note")
    return data_dir / "journal.db"


# -- backup and restore ------------------------------------------------------------------


def test_backup_is_private_and_never_overwrites(journal: Path, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        target = tmp_path / "b.db"
        assert run_bin("backup", str(target)).code == 0
        assert target.stat().st_mode & 0o777 == 0o600
        before = digest(target)
        assert_clean_failure(run_bin("backup", str(target)), 2)
        assert digest(target) == before
        assert run_bin("backup", str(target), "--force").code == 0
        default = run_bin("backup")
        assert default.code == 0
        made = list((journal.parent / "backups").glob("journal-*.db"))
        assert len(made) == 1 and made[0].stat().st_mode & 0o777 == 0o600
        assert (journal.parent / "backups").stat().st_mode & 0o777 == 0o700
    finally:
        os.umask(old)
    conn = sqlite3.connect(target)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT title FROM goals").fetchall() == [("Keep me",)]


def test_restore_a_good_backup(journal: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.db"
    run_bin("backup", str(backup))
    run_cli("goal", "add", "Made after the backup")
    result = run_bin("restore", str(backup), "--yes")
    assert result.code == 0, result.err
    titles = [r[0] for r in sqlite3.connect(journal).execute("SELECT title FROM goals")]
    assert titles == ["Keep me"]
    safety = list((journal.parent / "backups").glob("journal-*.db"))
    assert len(safety) == 1
    kept = [r[0] for r in sqlite3.connect(safety[0]).execute("SELECT title FROM goals")]
    assert kept == ["Keep me", "Made after the backup"]
    assert journal.stat().st_mode & 0o777 == 0o600


def test_restore_refuses_bad_backups_and_changes_nothing(journal: Path, tmp_path: Path) -> None:
    corrupt = tmp_path / "corrupt.db"
    corrupt.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    newer = tmp_path / "newer.db"
    shutil.copyfile(journal, newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 1}")
    conn.close()
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE x (y)")
    before = digest(journal)
    files = tree(journal.parent)
    for bad in (corrupt, newer, other, tmp_path / "missing.db"):
        assert_clean_failure(run_bin("restore", str(bad), "--yes"), 2)
        assert digest(journal) == before
        assert tree(journal.parent) == files


def test_restore_and_forget_need_yes_off_a_terminal(journal: Path, tmp_path: Path) -> None:
    backup = tmp_path / "b.db"
    run_bin("backup", str(backup))
    before = digest(journal)
    for args in (("restore", str(backup)), ("forget", "--all")):
        result = run_bin(*args, input="y\n")
        assert_clean_failure(result, 2)
        assert "--yes" in result.err
        assert digest(journal) == before


# -- forget -------------------------------------------------------------------------------


def test_forget_leaves_no_trace_of_the_text(data_dir: Path, home: Path) -> None:
    secret = "PLANTED-SECRET-7f3a"
    run_cli("init", "--role", secret, "--joy", secret, "--no-input")
    run_cli("goal", "add", secret)
    run_cli("goal", "progress", "1", secret)
    run_cli("mandate", "add", "--unclear", secret)
    run_cli("plan-week", "-p", secret, "--can-wait", secret, "--focus", secret)
    run_cli("energy", "log", "2", secret, "-t", "hemmelig")
    run_cli("ask-leader", "--topic", secret, "-q", secret)
    run_cli("feedback", "give", "--to", "Ola", secret)
    answers = home / "a.toml"
    answers.write_text(f'next_week = "{secret}"\n[plan]\nanswer = "{secret}"\n')
    run_cli("reflect", "--answers", str(answers))
    run_bin("backup")
    run_bin("backup")
    config = home / ".config" / "selvleder" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('lang = "en"\n')
    result = run_bin("forget", "--all", "--yes")
    assert result.code == 0, result.err
    assert "config.toml" in result.out
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes(), path
            assert b"hemmelig" not in path.read_bytes(), path
    assert list((data_dir / "backups").glob("*.db")) == []
    assert config.exists()
    assert run_cli("goal", "list", "--json").out.strip() == "[]"
    conn = sqlite3.connect(data_dir / "journal.db")
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


# -- failures with the real executable ------------------------------------------------------


def test_corrupt_and_truncated_journals(journal: Path) -> None:
    truncated = journal.read_bytes()[: len(journal.read_bytes()) // 2]
    for content in (b"\x00" * 4096, b"not a database at all\n" * 50, truncated):
        journal.write_bytes(content)
        before = digest(journal)
        for args in (("goal", "add", "x"), ("energy", "log", "3"), ("week",), ("goal", "list")):
            result = run_bin(*args)
            assert_clean_failure(result)
            assert "doctor" in result.err or "restore" in result.err
            assert digest(journal) == before


def unprivileged(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", str(BIN), *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


needs_root = pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("setpriv") is None,
    reason="runs the read-only cases as an unprivileged user with setpriv",
)


@needs_root
def test_read_only_file_and_folder() -> None:
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="selvleder-ro-"))  # reachable by the unprivileged user
    os.chmod(base, 0o755)
    folder = base / "ro"
    folder.mkdir()
    db = folder / "journal.db"
    run_cli("--db", str(db), "goal", "add", "Keep")
    home = base / "nobody"
    home.mkdir()
    os.chown(home, 65534, 65534)
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
    for file_mode, folder_mode in ((0o444, 0o777), (0o666, 0o555)):
        os.chmod(db, file_mode)
        os.chmod(folder, folder_mode)
        before = digest(db)
        for args in (("goal", "add", "x"), ("energy", "log", "3")):
            proc = unprivileged("--db", str(db), *args, env=env)
            assert proc.returncode == 1, (file_mode, folder_mode, proc.stdout, proc.stderr)
            assert "Traceback" not in proc.stderr
            assert len(proc.stderr.strip().splitlines()) == 1
            assert digest(db) == before
    os.chmod(folder, 0o700)
    shutil.rmtree(base)


def limit_file_size() -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (160 * 1024, 160 * 1024))


def test_disk_full(tmp_path: Path) -> None:
    db = tmp_path / "full.db"
    run_cli("--db", str(db), "goal", "add", "Keep")
    before = digest(db)
    big = "x" * 4000
    proc = subprocess.run(
        [str(BIN), "--db", str(db), "energy", "log", "3", big],
        capture_output=True,
        text=True,
        preexec_fn=limit_file_size,
        check=False,
    )
    proc2 = subprocess.run(
        [str(BIN), "--db", str(db), "import", "--replace", str(write_big_export(tmp_path))],
        capture_output=True,
        text=True,
        preexec_fn=limit_file_size,
        check=False,
    )
    assert proc.returncode == 0  # a small write still fits
    assert proc2.returncode == 1, proc2.stderr
    assert "Traceback" not in proc2.stderr and len(proc2.stderr.strip().splitlines()) == 1
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT title FROM goals").fetchall() == [("Keep",)]
    assert before != digest(db)  # the energy log went in; the failed import changed nothing
    after_first = digest(db)
    subprocess.run(
        [str(BIN), "--db", str(db), "import", "--replace", str(tmp_path / "big.json")],
        capture_output=True,
        text=True,
        preexec_fn=limit_file_size,
        check=False,
    )
    assert digest(db) == after_first


def write_big_export(tmp_path: Path) -> Path:
    import json

    logs = [
        {"id": i, "at": "2026-11-02T10:00:00+01:00", "level": 3, "note": "n" * 2000, "tags": []}
        for i in range(1, 400)
    ]
    doc = {
        "format": "selvleder-export",
        "schema_version": CURRENT_VERSION,
        "exported_at": "2026-11-27T10:00:00+01:00",
        "energy_logs": logs,
    }
    path = tmp_path / "big.json"
    path.write_text(json.dumps(doc))
    return path


def test_locked_past_the_timeout(journal: Path) -> None:
    # The hash is taken before and after, not while the lock is held: closing any file
    # descriptor of the journal in this process would drop the POSIX lock.
    before = digest(journal)
    holder = sqlite3.connect(journal, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        for args in (("goal", "add", "x"), ("energy", "log", "3")):
            result = run_bin(*args, env={"SELVLEDER_BUSY_TIMEOUT_MS": "300"})
            assert_clean_failure(result)
            assert "busy" in result.err
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert digest(journal) == before
    assert run_bin("energy", "log", "3").code == 0


def test_doctor_exits_1_when_something_is_wrong(journal: Path, home: Path) -> None:
    assert run_bin("doctor").code == 0
    os.chmod(journal, 0o644)
    assert run_bin("doctor").code == 0  # opening the journal makes it 0600 again
    assert journal.stat().st_mode & 0o777 == 0o600
    os.chmod(journal.parent, 0o755)
    result = run_bin("doctor")
    assert result.code == 1 and "chmod 700" in result.out
    os.chmod(journal.parent, 0o700)
    config = home / ".config" / "selvleder" / "config.toml"
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("max_goals = 0\n")
    result = run_bin("doctor")
    assert result.code == 1 and "max_goals" in result.out
