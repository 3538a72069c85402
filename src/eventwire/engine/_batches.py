"""Cutting a document stream into batches bounded by count and by characters."""
from __future__ import annotations

import os
from typing import Iterable, Iterator

from ..records import Document

# A batch holds at most this many characters: memory in a worker grows with the
# text it parses at once, not with the number of documents.
BATCH_CHARS = 100_000


def batches(documents: Iterable[Document], size: int = 64, chars: int = BATCH_CHARS) -> Iterator[list[Document]]:
    """Consecutive documents, at most ``size`` and (unless one alone is longer) ``chars`` characters each."""
    batch: list[Document] = []
    total = 0
    for document in documents:
        n = len(document.text)
        if batch and (len(batch) >= size or total + n > chars):
            yield batch
            batch, total = [], 0
        batch.append(document)
        total += n
    if batch:
        yield batch


def default_workers() -> int:
    """The cores this process may use (its CPU affinity, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)
