"""The outside world: crontab, desktop notifications, $EDITOR."""
