"""One exception tree for eventwire. Every error says what to do next.

The CLI maps each class to an exit code (see ``cli/main.py``); library users
catch :class:`EventwireError` or a subclass.
"""
from __future__ import annotations

import re

__all__ = [
    "EventwireError",
    "InputError",
    "ConfigError",
    "ModelError",
    "GazetteerError",
    "StoreError",
    "MissingExtraError",
    "GoldFormatError",
    "OutputError",
    "redact",
]


class EventwireError(Exception):
    """Base of every error raised on purpose by eventwire."""

    exit_code = 1


class InputError(EventwireError):
    """A document or input file cannot be read (names the file/line and why)."""

    exit_code = 2


class ConfigError(EventwireError):
    """A data file, lexicon or setting is missing or malformed."""

    exit_code = 3


class ModelError(EventwireError):
    """The spaCy model cannot be loaded."""

    exit_code = 4


class GazetteerError(EventwireError):
    """The gazetteer cannot be loaded or a GeoNames import failed."""

    exit_code = 5


class StoreError(EventwireError):
    """The database cannot be opened, migrated or written."""

    exit_code = 6


class GoldFormatError(EventwireError):
    """A gold file for ``eventwire eval`` is not in a known format."""

    exit_code = 7


class OutputError(EventwireError):
    """An output file cannot be written (missing folder, no permission, disk full)."""

    exit_code = 9


class MissingExtraError(EventwireError, ImportError):
    """An optional dependency is missing; the message names the pip extra."""

    exit_code = 8

    def __init__(self, package: str, extra: str, feature: str) -> None:
        super().__init__(
            f"{feature} needs the '{package}' package: pip install 'eventwire[{extra}]'"
        )
        self.package = package
        self.extra = extra


# ``scheme://user:password@host`` and ``password=...`` in a URL's query: the
# parts of a database URL that must never be stored, logged or printed.
_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.\-]*://[^:/@\s]*:)[^/\s]*(?=@)")
_QUERY_PASSWORD = re.compile(r"(?P<head>[?&](?:password|passwd|pwd)=)[^&\s]*", re.I)


def redact(text: str) -> str:
    """``text`` with every URL password replaced by ``***``."""
    text = _URL_PASSWORD.sub(r"\g<head>***", text)
    return _QUERY_PASSWORD.sub(r"\g<head>***", text)


def require(module: str, extra: str, feature: str):
    """Import an optional module or raise :class:`MissingExtraError`."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise MissingExtraError(module, extra, feature) from exc
