"""Pure functions from journal content to documents (json, markdown, ics, eml)."""
