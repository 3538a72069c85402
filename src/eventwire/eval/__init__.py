"""eval: scoring the pipeline against gold JSONL (ACLED, ACLED 2015, GTD, geoparsing).

``eventwire eval`` is a thin layer over :func:`evaluate_file`; the accuracy
gate in the tests and ``python -m eventwire.eval.floors`` use the same calls.
"""
from __future__ import annotations

from ._gold import FORMATS, GoldFile, GoldRow, detect_format, read_gold
from ._render import render_errors, render_report
from ._report import FileReport, Metric, aggregate, macro_f1
from ._run import GEO_UNAVAILABLE, evaluate, evaluate_file
from ._score import RowScore, score_row, system_count

__all__ = [
    "FORMATS", "GoldFile", "GoldRow", "detect_format", "read_gold",
    "FileReport", "Metric", "aggregate", "macro_f1",
    "RowScore", "score_row", "system_count",
    "evaluate", "evaluate_file", "GEO_UNAVAILABLE",
    "render_report", "render_errors",
]
