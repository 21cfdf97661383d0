"""Orchestration over the journal, files and the system: transactions, reads and writes
around the pure rules in ``selvleder.domain``."""
