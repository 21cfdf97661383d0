"""Writing a longer answer in the person's own editor ($VISUAL, $EDITOR)."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile


def edit_text(initial: str, comment: str) -> str | None:
    """Open $VISUAL or $EDITOR (else nano, else vi) on a private temp file; return the text
    without '#' comment lines, or None if the editor could not be run."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or _fallback()
    if not editor:
        return None
    fd, path = tempfile.mkstemp(prefix="selvleder-", suffix=".md")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            os.fchmod(handle.fileno(), 0o600)
            handle.write("".join(f"# {line}\n" for line in comment.splitlines()))
            handle.write(initial)
        try:
            subprocess.run([*shlex.split(editor), path], check=False)
        except (OSError, ValueError):
            return None
        with open(path, encoding="utf-8", errors="replace") as handle:
            lines = [line for line in handle.read().splitlines() if not line.startswith("#")]
        return "\n".join(lines).strip()
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass


def _fallback() -> str | None:
    import shutil

    for name in ("nano", "vi"):
        if shutil.which(name):
            return name
    return None
