"""Event locations (placeholder until the geo work lands)."""
from __future__ import annotations

from ..extract import DocFindings


def locate(doc, findings: DocFindings, gazetteer=None) -> DocFindings:
    """Fill ``findings.places`` and each mention's ``location``; returns findings."""
    return findings
