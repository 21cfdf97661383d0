"""selvleder: a command-line coach for self-leadership at work.

Kept import-free on purpose: every command starts here, and the quick
``energy log`` path must stay within a few times a bare interpreter.
"""

__version__ = "0.1.0"
