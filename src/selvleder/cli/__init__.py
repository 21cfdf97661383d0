"""The command line: which module declares each command, and the root app.

This package's ``__init__`` stays light: the quick path (``quick.py``) reads
``COMMAND_MODULES`` and the declarations without importing Typer. The Typer
app and the exit point are in ``cli/app.py`` (``run``, ``build_app``).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from selvleder.message_keys import MessageKey

# Which module declares each top-level command. A run imports and builds only
# the module of the command it runs; root help lists the names below.
COMMAND_MODULES = {
    "init": "profile",
    "role": "profile",
    "mandate": "mandate",
    "goal": "goal",
    "plan-week": "plan",
    "week": "plan",
    "priority": "plan",
    "energy": "energy",
    "reflect": "reflect",
    "review": "reflect",
    "report": "report",
    "ask-leader": "ask",
    "feedback": "ask",
    "doctor": "doctor",
    "export": "data",
    "import": "data",
    "demo": "demo",
    "remind": "remind",
    "backup": "safety",
    "restore": "safety",
    "forget": "safety",
    "completion": "completion",
}
ALL_MODULES = tuple(dict.fromkeys(COMMAND_MODULES.values()))
# The one-line help of each top-level command, in the order root help lists them.
COMMAND_HELP: dict[str, MessageKey] = {
    "init": "help.init",
    "role": "help.role",
    "mandate": "help.mandate",
    "goal": "help.goal",
    "plan-week": "help.plan_week",
    "week": "help.week",
    "priority": "help.priority",
    "energy": "help.energy",
    "reflect": "help.reflect",
    "review": "help.review",
    "report": "help.report",
    "ask-leader": "help.ask",
    "feedback": "help.feedback",
    "export": "help.export",
    "import": "help.import",
    "doctor": "help.doctor",
    "remind": "help.remind",
    "backup": "help.backup",
    "restore": "help.restore",
    "forget": "help.forget",
    "demo": "help.demo",
    "completion": "help.completion",
}
