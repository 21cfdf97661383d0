"""The only package that knows SQL: opening the journal, migrations, queries."""
