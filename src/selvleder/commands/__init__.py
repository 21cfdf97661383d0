"""Command bodies too long to stand under their declaration in ``cli/``.

Plain functions of an ``AppContext`` and the command's options (the reports,
``plan-week``, ``ask-leader``, ``remind``): a ``cli/`` body calls one of them,
on the Typer path and on the quick path alike. They orchestrate ``ui``,
``services`` and ``render``; they hold no rule and open no transaction.
"""
