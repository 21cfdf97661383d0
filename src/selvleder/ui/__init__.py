"""Guided interactive flows and terminal prompts, which commands may call."""
