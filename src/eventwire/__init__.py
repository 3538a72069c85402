"""eventwire: structured, evidenced records of political violence and protest.

Library first::

    import eventwire
    events = eventwire.extract(text, published="2025-03-11")

or, for batches, :class:`eventwire.Pipeline`.
"""
from __future__ import annotations

import sys
import types

from .errors import EventwireError, InputError
from .records import Document, Event, to_dict

__version__ = "0.1.0"

__all__ = ["extract", "Pipeline", "Document", "Event", "EventwireError", "InputError", "to_dict", "__version__"]


def __getattr__(name: str):
    # Pipeline pulls in spaCy; import it only when asked for.
    if name == "Pipeline":
        from .pipeline import Pipeline

        return Pipeline
    raise AttributeError(name)


def extract(text: str, published=None, *, doc_id: str = "doc", title: str | None = None,
            url: str | None = None, outlet: str | None = None) -> list[Event]:
    """Events in one text, most confident first.

    ``published`` is a ``date``, a ``datetime`` or an ISO string; relative
    dates ("on Tuesday") are resolved against it.
    """
    from .ingest import make_document
    from .pipeline import Pipeline

    document = make_document(text, doc_id=doc_id, published=published, title=title, url=url,
                             outlet=outlet)
    return Pipeline.default().process(document).events


class _Package(types.ModuleType):
    """The package module, which keeps ``eventwire.extract`` the function above.

    Python binds a subpackage to its parent's attribute of the same name when it is
    first imported, so the first run of the pipeline (which imports the stage package
    ``eventwire.extract``) would replace the public function with that package. The
    package stays importable by its full name (``from eventwire.extract import dates``).
    """

    def __setattr__(self, name: str, value) -> None:
        if name == "extract" and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
