"""Pure logic over plain data: no I/O, no Rich, no SQL."""
