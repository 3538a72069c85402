"""ingest: each input format, folders, stdin, ids and publication dates."""
from __future__ import annotations

import datetime as dt
import io
import json

import pytest

from eventwire.errors import InputError
from eventwire.ingest import Skip, make_document, parse_published, read_inputs, read_path, read_stream
from eventwire.records import Document

ARTICLE = "QUETTA: A bomb exploded near a market in Quetta on Tuesday, killing five people, police said."

PAGE = """<!DOCTYPE html>
<html><head><title>Five killed in Quetta blast</title>
<meta property="og:site_name" content="Daily Example">
<meta property="article:published_time" content="2025-03-11T08:00:00+05:00">
<link rel="canonical" href="https://example.org/quetta-blast"></head>
<body><nav><ul><li>Home</li><li>World</li><li>Sport</li></ul></nav>
<article><h1>Five killed in Quetta blast</h1>
<p>{p}</p><p>No group has claimed responsibility for the attack so far, officials said on Wednesday.</p>
<p>The provincial government announced compensation for the families of the victims.</p></article>
<footer>Copyright 2025 Daily Example. All rights reserved.</footer></body></html>""".format(p=ARTICLE)


def docs(items) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def skips(items) -> list[Skip]:
    return [i for i in items if isinstance(i, Skip)]


def test_plain_text_file(tmp_path):
    path = tmp_path / "quetta.txt"
    path.write_text(ARTICLE + "\n", encoding="utf-8")
    [doc] = read_path(path)
    assert doc.id == "quetta"
    assert doc.text.strip() == ARTICLE
    assert doc.source == str(path)
    assert doc.published is None


def test_windows_newlines_become_unix(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"First paragraph.\r\n\r\nSecond paragraph.\r\n")
    [doc] = read_path(path)
    assert doc.text == "First paragraph.\n\nSecond paragraph.\n"


def test_html_boilerplate_removed_with_page_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_path(path, published="2020-01-01")
    assert ARTICLE in doc.text
    assert "Sport" not in doc.text and "All rights reserved" not in doc.text
    assert doc.title == "Five killed in Quetta blast"
    assert doc.published == dt.date(2025, 3, 11)  # the page's date beats the default
    assert doc.url == "https://example.org/quetta-blast"
    assert doc.outlet == "Daily Example"


def test_html_without_date_takes_default(tmp_path):
    path = tmp_path / "nodate.htm"
    path.write_text(PAGE.replace('<meta property="article:published_time" content="2025-03-11T08:00:00+05:00">', ""))
    [doc] = read_path(path, published="2025-03-12")
    assert doc.published == dt.date(2025, 3, 12)


def test_html_declared_charset(tmp_path):
    page = '<html><head><meta charset="windows-1252"><title>x</title></head><body><p>Manifestation à Besançon : « la police a dispersé la foule », a dit le préfet.</p></body></html>'
    path = tmp_path / "fr.html"
    path.write_bytes(page.encode("cp1252"))
    [doc] = read_path(path)
    assert "Besançon" in doc.text and "préfet" in doc.text


def test_jsonl_records(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        {"id": "a-1", "text": ARTICLE, "published": "2025-03-11", "url": "https://e.org/1",
         "title": "Blast", "outlet": "Dawn", "gold": {"ignored": True}},
        {"text": "Protesters marched in Lagos.", "published": "2020-05-01T10:00:00Z"},
        {"id": 42, "text": "Clashes in Kabul."},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    a, b, c = read_path(path, published="2024-01-01")
    assert (a.id, a.published, a.url, a.title, a.outlet) == ("a-1", dt.date(2025, 3, 11), "https://e.org/1", "Blast", "Dawn")
    assert (b.id, b.published, b.source) == ("batch:2", dt.date(2020, 5, 1), f"{path}:2")
    assert (c.id, c.published) == ("42", dt.date(2024, 1, 1))  # no date of its own: the default


def test_json_array(tmp_path):
    path = tmp_path / "arr.json"
    path.write_text(json.dumps([{"id": "x", "text": "One."}, {"text": "Two."}]))
    a, b = read_path(path)
    assert (a.id, b.id, b.source) == ("x", "arr:2", f"{path}[2]")


def test_json_file_holding_json_lines(tmp_path):
    path = tmp_path / "lines.json"
    path.write_text('{"text": "One."}\n{"text": "Two."}\n')
    assert [d.text for d in docs(read_path(path))] == ["One.", "Two."]


def test_csv_text_column_detected(tmp_path):
    path = tmp_path / "acled.csv"
    path.write_text('event_id_cnty,event_date,Notes,Source\n'
                    'PAK1,2015-01-02,"On 2 January, militants attacked a checkpoint, killing 2.",Dawn\n'
                    'PAK2,2015-01-03,"Line one\nline two",Dawn\n', encoding="utf-8")
    a, b = read_path(path, published="2015-01-05")
    assert (a.id, a.text) == ("PAK1", "On 2 January, militants attacked a checkpoint, killing 2.")
    assert (b.id, b.text, b.source) == ("PAK2", "Line one\nline two", f"{path}:3")
    assert a.published == dt.date(2015, 1, 5)


@pytest.mark.parametrize("column", ["text", "body", "content", "notes", "summary"])
def test_csv_each_text_column_name(tmp_path, column):
    path = tmp_path / "t.csv"
    path.write_text(f"title,{column.upper()},published\nHeadline,Body text here.,2021-02-03\n")
    [doc] = read_path(path)
    assert (doc.text, doc.title, doc.published, doc.id) == ("Body text here.", "Headline", dt.date(2021, 2, 3), "t:2")


def test_csv_semicolon_and_tsv(tmp_path):
    semi = tmp_path / "semi.csv"
    semi.write_text("id;text\ns1;Hello, world.\n")
    tsv = tmp_path / "t.tsv"
    tsv.write_text("id\ttext\nt1\tTabbed, text.\n")
    assert [(d.id, d.text) for d in read_inputs([str(semi), str(tsv)])] == [
        ("s1", "Hello, world."), ("t1", "Tabbed, text.")]


def test_csv_long_field(tmp_path):
    long_text = "word " * 40_000  # over csv's default 128 KiB field limit
    path = tmp_path / "long.csv"
    path.write_text('id,text\nL,"' + long_text + '"\n')
    parts = docs(read_path(path))
    assert "".join(p.text for p in parts) == long_text


def test_folder_recursive_sorted_ids(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / "z.txt").write_text("Zed.")
    (tmp_path / "b" / "one.txt").write_text("One.")
    (tmp_path / "a" / "deep" / "two.md").write_text("Two.")
    (tmp_path / "a" / "rec.jsonl").write_text('{"text": "Rec."}\n')
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD").write_text("ref: refs/heads/main")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    found = list(read_path(tmp_path))
    assert [d.id for d in found] == ["a/deep/two", "a/rec:1", "b/one", "z"]
    assert [d.id for d in read_path(tmp_path)] == [d.id for d in found]  # stable, not random


def test_folder_sniffs_unknown_extensions(tmp_path):
    (tmp_path / "page.aspx").write_text(PAGE)
    (tmp_path / "feed_dump").write_text('{"id": "r1", "text": "From a file without extension."}\n')
    (tmp_path / "note.log").write_text("Plain text with an odd extension.")
    kinds = {d.id: d for d in read_path(tmp_path)}
    assert kinds["page"].title == "Five killed in Quetta blast"
    assert kinds["r1"].text == "From a file without extension."
    assert kinds["note"].text == "Plain text with an odd extension."


def test_stdin_text_html_jsonl():
    [text] = read_stream(io.StringIO(ARTICLE), published="2025-03-11")
    assert (text.id, text.published, text.text) == ("stdin", dt.date(2025, 3, 11), ARTICLE)
    [page] = read_stream(io.BytesIO(PAGE.encode()))
    assert page.title == "Five killed in Quetta blast" and "Sport" not in page.text
    a, b = read_stream(io.BytesIO(b'{"id": "s1", "text": "One."}\n{"text": "Two."}\n'))
    assert (a.id, b.id, b.source) == ("s1", "stdin:2", "stdin:2")


class _Pipe(io.RawIOBase):
    """A stream that cannot seek, as stdin from a pipe."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        chunk = self._data.read(min(len(buffer), 1000))  # short reads, as a pipe gives
        buffer[:len(chunk)] = chunk
        return len(chunk)


def test_stdin_pipe_longer_than_sniff_window():
    lines = [json.dumps({"id": f"p{n}", "text": f"Record {n}. " + "x" * 500}) for n in range(400)]
    stream = io.BufferedReader(_Pipe(("\n".join(lines) + "\n").encode()))
    found = list(read_stream(stream))
    assert [d.id for d in found] == [f"p{n}" for n in range(400)]


def test_read_inputs_dash_is_stdin(monkeypatch, tmp_path):
    (tmp_path / "f.txt").write_text("File text.")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Piped text.")))
    assert [d.text for d in read_inputs([str(tmp_path / "f.txt"), "-"])] == ["File text.", "Piped text."]


def test_published_precedence(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text('{"text": "Own date.", "published": "11 March 2025"}\n{"text": "No date."}\n')
    own, none = read_path(path, published="2024-06-01")
    assert own.published == dt.date(2025, 3, 11)
    assert none.published == dt.date(2024, 6, 1)


def test_parse_published_formats():
    assert parse_published("2025-03-11T23:30:00-05:00") == dt.date(2025, 3, 11)
    assert parse_published("Tue, 11 Mar 2025 10:00:00 GMT") == dt.date(2025, 3, 11)
    assert parse_published("March 11, 2025") == dt.date(2025, 3, 11)
    assert parse_published(dt.datetime(2025, 3, 11, 9)) == dt.date(2025, 3, 11)
    assert parse_published("") is None
    for bad in ("yesterday", "3 days ago", "2025", "soon", "2025-13-45"):
        with pytest.raises(InputError):
            parse_published(bad)


def test_bad_default_date_is_an_error_before_reading(tmp_path):
    (tmp_path / "f.txt").write_text("Text.")
    with pytest.raises(InputError, match="not a date"):
        list(read_inputs([str(tmp_path / "f.txt")], published="last Tuesday"))


def test_make_document_cleans_text():
    doc = make_document("a\x00b \ud800c", doc_id="d")
    assert doc.text == "ab \ufffdc"
    doc.text.encode("utf-8")  # writable
    assert make_document("same").id == make_document("same").id


def test_pretty_printed_json_record(tmp_path):
    record = {"id": "pp", "text": "One record, indented.", "published": "2025-03-11"}
    (tmp_path / "one.json").write_text(json.dumps(record, indent=2))
    (tmp_path / "noext").write_text(json.dumps(record, indent=2).replace('"pp"', '"pp2"'))
    assert [(d.id, d.text) for d in read_path(tmp_path)] == [("pp2", record["text"]), ("pp", record["text"])]


def test_record_holding_an_html_page(tmp_path):
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"id": "h1", "text": PAGE, "title": "Own title"}) + "\n"
                    + json.dumps({"id": "h2", "text": "<html><body></body></html>"}) + "\n")
    doc, skip = read_path(path, published="2020-01-01")
    assert ARTICLE in doc.text and "Sport" not in doc.text
    assert doc.title == "Own title"  # the record's field wins over the page's
    assert doc.published == dt.date(2025, 3, 11) and doc.outlet == "Daily Example"
    assert isinstance(skip, Skip) and skip.source == f"{path}:2"
