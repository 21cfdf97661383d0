"""Command bodies that run without Typer.

The everyday read commands (``week``, ``energy show/insights``, ``reflect``,
``review``) live here as plain functions of an ``AppContext`` and their
options. The Typer commands call them, and so does the quick path
(``selvleder.quick``) for the plain forms, so both paths share one body.
"""
