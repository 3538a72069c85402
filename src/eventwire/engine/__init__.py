"""engine: running the pipeline over many documents, on one machine or a Dask cluster.

``run_local`` codes a stream of documents in this process or in N worker
processes (each with the pipeline loaded once), in bounded memory, results in
input order, the same whatever N. ``run_dask`` runs the same stages on
``dask.distributed`` over partitions of the input, writes Parquet parts, and
links events across articles in a second pass blocked by country.
"""
from __future__ import annotations

from ._batches import BATCH_CHARS, batches, default_workers
from ._local import run_local

__all__ = ["BATCH_CHARS", "DaskPipeline", "batches", "default_workers", "read_parts", "run_dask", "run_local"]


def __getattr__(name: str):
    # dask is an extra: import it only when asked for
    if name in ("DaskPipeline", "read_parts", "run_dask"):
        from . import _dask

        return getattr(_dask, name)
    raise AttributeError(name)
