"""Property-based fuzzing (Hypothesis) of the readers, the normaliser, the CSV writer and the pipeline.

Every property asserts "no crash and no lost document": a reader returns a
Document or a Skip with a reason for every input, never an exception, and a
readable record is never dropped. Example counts are fixed (``_EXAMPLES``) so
CI time stays a few minutes; set ``EVENTWIRE_FUZZ_SCALE`` (a multiplier) for a
longer local run. The number of generated cases per CI run is
``sum(_EXAMPLES.values())``.
"""
from __future__ import annotations

import io
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventwire.ingest import Skip, normalise, normalised_text, read_path, read_stream
from eventwire.records import Document

_SCALE = float(os.environ.get("EVENTWIRE_FUZZ_SCALE", "1"))
# one entry per property test: the cases each runs in CI
_EXAMPLES = {"bytes": 150, "encodings": 100, "stdin": 100, "jsonl": 100, "text": 100, "nesting": 40,
             "normalise": 300, "csv": 100, "pipeline": 25}


def _settings(kind: str):
    return settings(max_examples=max(1, int(_EXAMPLES[kind] * _SCALE)), deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture])


def _read(data: bytes, suffix: str) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(data)
        items = list(read_path(path))
    for item in items:
        assert isinstance(item, (Document, Skip)), item
        if isinstance(item, Skip):
            assert item.reason
        else:
            assert item.text.strip() and "\x00" not in item.text
            item.text.encode("utf-8")  # storable
    return items


# Text that mixes scripts, invisible characters, controls and odd spaces.
_CHARS = st.characters(blacklist_categories=("Cs",))
_WORDY = st.text(st.sampled_from(list("abcdefghij klmnop\n\t.,")) | _CHARS, min_size=0, max_size=400)
_SUFFIXES = st.sampled_from(["", ".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".tsv", ".xml", ".bin"])


@_settings("bytes")
@given(data=st.binary(max_size=3000), suffix=_SUFFIXES)
def test_any_bytes_are_read_or_skipped_with_a_reason(data, suffix):
    items = _read(data, suffix)
    assert items, "every input gives a document or a skip"


@_settings("encodings")
@given(text=_WORDY, encoding=st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1", "utf-8-sig", "gb18030"]),
       suffix=_SUFFIXES)
def test_text_in_any_encoding_is_read_or_skipped(text, encoding, suffix):
    data = text.encode(encoding, "replace")
    items = _read(data, suffix)
    assert items


@_settings("jsonl")
@given(texts=st.lists(st.text(_CHARS, min_size=1, max_size=300).filter(lambda t: any(c.isalpha() for c in t)),
                      min_size=1, max_size=8),
       junk=st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40), max_size=3),
       seed=st.randoms())
def test_every_jsonl_record_with_words_becomes_a_document(texts, junk, seed):
    lines = [json.dumps({"id": f"r{i}", "text": t}) for i, t in enumerate(texts)]
    lines += [j for j in junk if j.strip() and not j.strip().startswith(("{", "["))]
    seed.shuffle(lines)
    items = _read("\n".join(lines).encode("utf-8"), ".jsonl")
    ids = {i.id.split("#")[0] for i in items if isinstance(i, Document)}
    skips = [i for i in items if isinstance(i, Skip)]
    if len(skips) == 1 and not ids and ":" not in skips[0].source.rsplit("/", 1)[-1]:
        return  # the whole file refused, with its reason (e.g. too many control characters)
    # no lost document: each record with words is a document, each other line a skip with its reason
    for i, t in enumerate(texts):
        if any(c.isalpha() for c in t.replace("\x00", "")):
            assert f"r{i}" in ids, (t, items)
    assert len(ids) + len(skips) >= len(lines)


@_settings("text")
@given(text=st.text(_CHARS, min_size=1, max_size=2000), line=st.integers(0, 250_000))
def test_plain_text_of_any_length_is_kept_whole(text, line):
    # a huge single line (no break to cut at) and random Unicode; parts joined give the text back
    body = text + "x" * line
    items = _read(body.encode("utf-8"), ".txt")
    docs = [i for i in items if isinstance(i, Document)]
    skips = [i for i in items if isinstance(i, Skip)]
    if not docs:
        assert len(skips) == 1 and skips[0].reason  # refused whole (binary-looking, empty), with a reason
        return
    from eventwire.ingest._documents import clean_text

    whole = clean_text(body.replace("\r\n", "\n").replace("\r", "\n"))  # read with universal newlines
    for doc in docs:  # every part is a stretch of the text, in order, nothing invented
        assert doc.text in whole
    if line > 100_000:  # a line longer than a part is cut, not truncated
        assert len(docs) >= 2 and sum(len(d.text) for d in docs) >= len(whole) - sum(
            1 for s in skips if "#char=" in s.source) * 100_000


@_settings("nesting")
@given(depth=st.integers(1, 5000), kind=st.sampled_from(["json", "html", "xml"]))
def test_deep_nesting_does_not_crash(depth, kind):
    if kind == "json":
        data = ("[" * depth + "]" * depth).encode()
        suffix = ".json"
    elif kind == "html":
        data = ("<html><body>" + "<div>" * depth + "Three people were killed in a blast." + "</div>" * depth
                + "</body></html>").encode()
        suffix = ".html"
    else:
        data = ('<?xml version="1.0"?><rss><channel>' + "<a>" * depth + "</a>" * depth + "</channel></rss>").encode()
        suffix = ".xml"
    items = _read(data, suffix)
    assert items
    if kind == "html":
        assert any(isinstance(i, Document) and "killed" in i.text for i in items)


@_settings("stdin")
@given(data=st.binary(max_size=2000))
def test_stdin_of_any_bytes_is_read_or_skipped(data):
    items = list(read_stream(io.BytesIO(data)))
    assert items and all(isinstance(i, (Document, Skip)) for i in items)


@_settings("normalise")
@given(text=st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from(
    ["\u00ad", "\u200b", "\u200e", "\u00a0", "\u2009", "\u0301", "\u1161", "\ufeff", "\u2028"]), max_size=300))
def test_normalise_maps_every_span_into_the_original(text):
    norm, offsets = normalise(text)
    assert norm == normalised_text(text)
    if offsets is None:
        assert norm == text
        return
    assert len(offsets.starts) == len(norm)
    previous = 0
    for i in range(len(norm)):
        a, b = offsets.span(i, i + 1)
        assert previous <= a < b <= len(text)
        previous = a
    a, b = offsets.span(0, len(norm))
    assert 0 <= a <= b <= len(text)


@_settings("csv")
@given(values=st.lists(st.text(max_size=30), min_size=1, max_size=5))
def test_no_csv_cell_starts_a_formula(values):
    import csv

    from eventwire.export import write_events
    from eventwire.records import Actor, Event

    ev = Event(event_id=values[0] or "e", doc_ids=(values[-1] or "d",), event_type="Protests",
               sub_event_type="Peaceful protest", event_date=None, date_precision="unknown",
               actor1=Actor(values[1 % len(values)] or "a", "protesters", 6), notes=values[2 % len(values)])
    for fmt in ("acled-csv", "gtd-csv"):
        out = io.StringIO()
        write_events([ev], fmt, out)
        for row in list(csv.reader(io.StringIO(out.getvalue())))[1:]:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (fmt, cell)


@_settings("pipeline")
@given(texts=st.lists(st.text(_CHARS, min_size=1, max_size=600) | st.sampled_from([
    "Gun\u00admen killed five people in Quetta on Tuesday, police said.",
    "Protesters marched in Lagos.\u200b Police arrested 12.",
    "A bomb exploded in Kabul" + " very" * 500 + " loudly.",
]), min_size=1, max_size=4))
def test_pipeline_codes_or_reports_every_document(pipeline, texts):
    from eventwire.pipeline import RunStats

    documents = [Document(id=f"f{i}", text=t) for i, t in enumerate(texts)]
    stats = RunStats()
    results = list(pipeline.pipe(documents, stats=stats))
    assert stats.coded + len(stats.failed) == len(documents)  # each one coded or reported, none lost
    for result in results:
        text = result.document.text
        assert text in texts
        for ev in result.events:
            for e in ev.evidence:
                assert 0 <= e.start <= e.end <= len(text)


def test_ci_runs_a_fixed_number_of_cases():
    import sys

    module = sys.modules[__name__]
    properties = [f for name, f in vars(module).items() if name.startswith("test_") and hasattr(f, "hypothesis")]
    assert len(properties) == len(_EXAMPLES)  # each property has its own count
    assert sum(_EXAMPLES.values()) == 1015
