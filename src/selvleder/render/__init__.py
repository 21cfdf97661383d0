"""Turning data into terminal output. All user text passes through ``literal``."""
