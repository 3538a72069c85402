"""The ``eventwire`` command: a thin map of library calls."""
