"""``python -m selvleder``."""

from selvleder.entry import main

main()
