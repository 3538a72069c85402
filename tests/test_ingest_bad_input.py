"""ingest on bad input: every bad document is a logged Skip, the batch goes on, nothing is lost."""
from __future__ import annotations

import io
import json
import logging
import tracemalloc

import pytest

from eventwire.errors import InputError
from eventwire.ingest import Skip, read_inputs, read_path, read_stream
from eventwire.ingest._limits import max_document_chars
from eventwire.ingest._split import cut_point, split_text
from eventwire.records import Document

GOOD = "Protesters gathered outside the parliament in Nairobi on Monday, police said."


def split(items):
    items = list(items)
    return ([i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Skip)])


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\n\t  \n", "empty"),
    ("nul.txt", b"\x00\x01\x02\x03" * 200, "binary data"),
    ("nul2.txt", b"text\x00\xff\x00\x10\x00" * 200, "NUL bytes"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "PNG"),
    ("report.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    ("story.docx", b"PK\x03\x04\x14\x00\x06\x00" + bytes(100), "ZIP"),
    ("noise.txt", bytes(range(1, 256)) * 20, "undecodable"),
], ids=["empty", "blank", "nul", "nul2", "png", "pdf", "zip", "noise"])
def test_binary_and_empty_files_are_skipped(tmp_path, caplog, name, data, reason):
    (tmp_path / name).write_bytes(data)
    (tmp_path / "zz_good.txt").write_text(GOOD)
    with caplog.at_level(logging.INFO, logger="eventwire.ingest"):
        found, skipped = split(read_path(tmp_path))
    assert [d.text for d in found] == [GOOD]
    [skip] = skipped
    assert skip.source == str(tmp_path / name) and reason.lower() in skip.reason.lower()
    assert any(name in r.getMessage() for r in caplog.records if r.name == "eventwire.ingest")


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        list(read_path(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="nope.txt"):
        list(read_inputs([str(tmp_path), str(tmp_path / "nope.txt")]))


@pytest.mark.parametrize("text,codec", [
    ("Les manifestants à Besançon ont été dispersés, “dit” la police — 12 arrêtés.", "cp1252"),
    ("Police in São Paulo and Bogotá said the marches were peaceful.", "latin-1"),
    ("Demonstranci w Łodzi i Gdańsku żądali zmian; policja zatrzymała dwóch mężczyzn.", "cp1250"),
    ("В Москве задержаны участники акции протеста, сообщила полиция.", "cp1251"),
    ("The minister’s office said “no comment” — five people were killed in Bogotá.", "cp1252"),
    ("La policía de Bogotá dijo que la protesta terminó pacíficamente en la mañana.", "cp1252"),
    ("Policie v Brně zadržela čtyři muže; demonstranti požadovali odstoupení vlády.", "cp1250"),
    ("İstanbul'da protestocular toplandı; polis müdahale etti, çok kişi gözaltına alındı.", "cp1254"),
    ("قال مسؤولون إن انفجارا وقع في سوق ببغداد وأسفر عن مقتل خمسة أشخاص.", "cp1256"),
    ("Διαδηλωτές συγκεντρώθηκαν στην Αθήνα, ανέφερε η αστυνομία.", "cp1253"),
    ("Protesters in Zürich — “peaceful”, police said.", "utf-16"),
    ("Protesters in Zürich — “peaceful”, police said.", "utf-16-le"),
    ("Protesters in Zürich — “peaceful”, police said.", "utf-16-be"),
    ("Protesters in Zürich — “peaceful”, police said.", "utf-8-sig"),
    ("Protesters in Zürich — “peaceful”, police said.", "utf-32"),
])
def test_encodings_decoded_right(tmp_path, text, codec):
    path = tmp_path / "article.txt"
    path.write_bytes(text.encode(codec))
    [doc] = read_path(path)
    assert doc.text == text


def test_encoded_jsonl_and_csv(tmp_path):
    (tmp_path / "a.csv").write_bytes("id,text\nc1,Manifestation à Besançon.\n".encode("cp1252"))
    (tmp_path / "b.jsonl").write_bytes('{"id": "j1", "text": "Zürich"}\n'.encode("utf-8-sig"))
    (tmp_path / "c.csv").write_bytes("id,text\nu1,Zürich march.\n".encode("utf-16"))
    assert [(d.id, d.text) for d in read_path(tmp_path)] == [
        ("c1", "Manifestation à Besançon."), ("j1", "Zürich"), ("u1", "Zürich march.")]


def test_stray_nul_bytes_removed(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(GOOD.encode() * 3 + b"\x00")
    [doc] = read_path(path)
    assert "\x00" not in doc.text and doc.text == GOOD * 3


def test_no_document_has_nuls(tmp_path):
    (tmp_path / "r.jsonl").write_text(json.dumps({"text": "a\u0000b"}) + "\n")
    (tmp_path / "r.csv").write_text("text\nc\u0000d\n")
    assert [d.text for d in read_path(tmp_path)] == ["cd", "ab"]  # r.csv, then r.jsonl


def test_malformed_jsonl_lines_skipped_rest_read(tmp_path, caplog):
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "ok-1", "text": GOOD}),
        '{"id": "broken", "text": "unterminated',
        "",
        "not json at all",
        json.dumps(["a", "list"]),
        json.dumps({"id": "no-text", "title": "Only a title"}),
        json.dumps({"id": "num", "text": 12}),
        json.dumps({"id": "blank", "text": "   "}),
        "[" * 100_000,
        json.dumps({"id": "ok-2", "text": GOOD}),
    ]) + "\n")
    with caplog.at_level(logging.INFO, logger="eventwire.ingest"):
        found, skipped = split(read_path(path))
    assert [d.id for d in found] == ["ok-1", "ok-2"]
    by_line = {s.source.rsplit(":", 1)[1]: s.reason for s in skipped}
    assert set(by_line) == {"2", "4", "5", "6", "7", "8", "9"}
    assert "invalid JSON" in by_line["2"] and "column" in by_line["2"]
    assert "not a JSON object" in by_line["5"]
    assert "no text field" in by_line["6"]
    assert "not a string" in by_line["7"]
    assert "empty" in by_line["8"]
    assert all(s.source.startswith(f"{path}:") for s in skipped)
    assert sum("skipped" in r.getMessage() for r in caplog.records) == len(skipped)


def test_bad_date_keeps_document_without_date(tmp_path, caplog):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "d1", "text": GOOD, "published": "31/31/2025 lunchtime"}) + "\n")
    with caplog.at_level(logging.WARNING, logger="eventwire.ingest"):
        [doc] = read_path(path, published="2025-01-01")
    assert doc.id == "d1" and doc.published is None
    assert "d.jsonl:1" in caplog.text and "not a date" in caplog.text


def test_csv_without_text_column_skipped_with_columns_named(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("id,headline\n1,Nothing here\n")
    [skip] = read_path(path)
    assert isinstance(skip, Skip) and "no text column" in skip.reason and "headline" in skip.reason


def test_csv_ragged_and_empty_rows(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("id,text\n1,First.\n\n2\n3,Third.,extra\n")
    found, skipped = split(read_path(path))
    assert [d.id for d in found] == ["1", "3"]
    assert [s.source for s in skipped] == [f"{path}:4"]


@pytest.mark.parametrize("page,expect", [
    ("<html><body><div><p>Broken <b>markup about a protest in Lagos <p>and another paragraph", "protest in Lagos"),
    ("<html><body><table><tr><td>Soldiers fired on marchers in Khartoum</td></table>", "Khartoum"),
    ('<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>An XHTML page on clashes in Gao.</p></body></html>', "clashes in Gao"),
])
def test_broken_html_best_effort(tmp_path, page, expect):
    path = tmp_path / "p.html"
    path.write_text(page)
    [doc] = read_path(path)
    assert expect in doc.text and "<" not in doc.text


@pytest.mark.parametrize("page", ["<html><body></body></html>", "<html><script>var a = 1;</script></html>", "<<<>>>"])
def test_html_without_text_skipped(tmp_path, page):
    path = tmp_path / "e.html"
    path.write_text(page)
    [skip] = read_path(path)
    assert isinstance(skip, Skip)
    assert "no readable text" in skip.reason or "no words" in skip.reason


def test_feed_file_not_read_as_article(tmp_path):
    path = tmp_path / "news.xml"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>')
    [skip] = read_path(path)
    assert isinstance(skip, Skip) and "feed" in skip.reason


def test_cut_point_prefers_paragraphs_then_sentences():
    text = "a" * 60 + "\n\n" + "b" * 60
    assert cut_point(text, 100) == 62
    text = "a" * 60 + ". " + "b" * 60
    assert cut_point(text, 100) == 62
    assert cut_point("x" * 150, 100) == 100  # no boundary: cut, never drop
    parts = split_text("x" * 250, 100)
    assert [start for start, _ in parts] == [0, 100, 200]


def test_20_mb_text_split_into_parts_nothing_lost(tmp_path):
    paragraph = ("Security forces clashed with protesters in the capital on Friday, "
                 "officials said, and several people were arrested. ") * 4 + "\n\n"
    size = 20 * 1024 * 1024
    text = paragraph * (size // len(paragraph) + 1)
    path = tmp_path / "huge.txt"
    path.write_text(text, encoding="utf-8")
    limit = max_document_chars()
    tracemalloc.start()
    try:
        count, total, checksum = 0, 0, 0
        for n, doc in enumerate(read_path(path), 1):
            assert doc.id == f"huge#part-{n}"
            assert 0 < len(doc.text) <= limit and doc.text.endswith("\n\n")
            assert doc.source.startswith(f"{path}#char={total},")
            count, total = n, total + len(doc.text)
            checksum += doc.text.count("arrested")
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert total == len(text) and checksum == text.count("arrested")
    assert count == pytest.approx(len(text) / limit, rel=0.1)
    assert peak < 20 * limit + 4 * 1024 * 1024  # bounded by the part size, not the file


def test_long_single_line_split_exactly(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTWIRE_MAX_DOC_CHARS", "5000")
    text = " ".join(f"w{n}" for n in range(20_000))
    (tmp_path / "line.txt").write_text(text)
    (tmp_path / "rec.jsonl").write_text(json.dumps({"id": "R", "text": text}) + "\n")
    by_file = {}
    for doc in read_path(tmp_path):
        assert len(doc.text) <= 5000
        by_file.setdefault(doc.id.split("#")[0], []).append(doc)
    assert set(by_file) == {"line", "R"}
    for parts in by_file.values():
        assert "".join(p.text for p in parts) == text
        assert [p.id.split("#")[1] for p in parts] == [f"part-{n}" for n in range(1, len(parts) + 1)]


def test_duplicate_ids_warned(tmp_path, caplog):
    (tmp_path / "a.jsonl").write_text('{"id": "same", "text": "One."}\n{"id": "same", "text": "Two."}\n')
    with caplog.at_level(logging.WARNING, logger="eventwire.ingest"):
        found = list(read_inputs([str(tmp_path)]))
    assert len(found) == 2 and "seen before" in caplog.text


def test_stdin_binary_and_empty():
    [skip] = read_stream(io.BytesIO(b""))
    assert skip == Skip("stdin", "empty")
    [skip] = read_stream(io.BytesIO(b"%PDF-1.4\n..."))
    assert "PDF" in skip.reason


def test_unreadable_file_in_folder_skipped(tmp_path):
    import os

    bad = tmp_path / "locked.txt"
    bad.write_text("secret")
    (tmp_path / "ok.txt").write_text(GOOD)
    bad.chmod(0)
    try:
        if os.access(bad, os.R_OK):
            pytest.skip("running as a user who can read any file")
        found, skipped = split(read_path(tmp_path))
    finally:
        bad.chmod(0o644)
    assert [d.text for d in found] == [GOOD]
    assert skipped[0].source == str(bad) and "cannot read" in skipped[0].reason


def test_late_undecodable_bytes_warned(tmp_path, caplog):
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"Plain ASCII news text. " * 4000 + "caf\xe9 au lait".encode("latin-1"))
    with caplog.at_level(logging.WARNING, logger="eventwire.ingest"):
        [doc] = read_path(path)
    assert doc.text.endswith("caf\ufffd au lait")
    assert "could not be decoded" in caplog.text


def test_unexpected_reader_error_costs_one_file(tmp_path, monkeypatch):
    import eventwire.ingest._readers as readers

    def explode(*args, **kwargs):
        raise RuntimeError("boom")

    (tmp_path / "a.html").write_text("<html><body><p>Page.</p></body></html>")
    (tmp_path / "b.txt").write_text(GOOD)
    monkeypatch.setattr(readers, "extract_article", explode)
    found, skipped = split(read_path(tmp_path))
    assert [d.text for d in found] == [GOOD]
    assert skipped[0].source.endswith("a.html") and "boom" in skipped[0].reason
