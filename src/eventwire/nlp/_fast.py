"""Faster stand-ins for two of the model's own components, with the same output.

Measured on news-length texts (``benchmarks/bench_pipeline.py``), two stock
components of ``en_core_web_sm`` that do no statistical work cost about a
quarter of the parse:

- the attribute ruler runs spaCy's ``Matcher`` with 179 patterns (tag map,
  word exceptions) over every token, about 24 µs a token;
- the rule lemmatizer tests each candidate lemma against its word index with
  ``in`` on a list of up to 57,000 words, about 14 µs a token.

``IndexedAttributeRuler`` applies the same patterns looked up by the values
they test: a token's own attributes (tag, lower-case form, dependency, ...)
key a cache of the one-token patterns that match them and of what those
patterns set, and the few patterns longer than a token are tried only where
their first token matches. Matches are applied in pattern order, later patterns
winning, as the stock ruler does. A pattern it cannot index (an operator other
than ``IN``, ``NOT_IN`` and ``REGEX``, a quantifier, an attribute it does not
read) leaves the stock ruler in place. ``set_lemma_index`` gives the
lemmatizer's word lists set lookups, and ``CachedLemmatizer`` keeps the rule
lemmatizer's answer per (word, POS, morphology), all that answer depends on,
reading and writing a document's lemmas as one array. Tests compare tag, POS,
morphology, lemma, dependency and entities of every token against the stock
components.
"""
from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens._retokenize import set_token_attrs

# Token attributes a pattern may test, read for the whole document with ``Doc.to_array``: those
# whose array value is the string's hash (or the flag), as the matcher compares them.
_READABLE = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "TAG": TAG, "DEP": DEP, "IS_SPACE": IS_SPACE}
_CACHE_LIMIT = 200_000


class _Unsupported(ValueError):
    pass


def _value_id(value: Any) -> int:
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (str, int)):
        return get_string_id(value)
    raise _Unsupported(f"pattern value {value!r}")


class _TokenTest:
    """One token of a pattern: ``(column, op, operand)`` triples over the columns read."""

    __slots__ = ("tests",)

    def __init__(self, spec: dict, columns: dict[int, int], strings) -> None:
        self.tests = []
        for key, value in spec.items():
            attr = _READABLE.get(key.upper()) if isinstance(key, str) else None
            if attr is None:
                raise _Unsupported(f"attribute {key!r}")
            column = columns.setdefault(attr, len(columns))
            if not isinstance(value, dict):
                self.tests.append((column, "==", _value_id(value)))
                continue
            if len(value) != 1:
                raise _Unsupported(f"operators {sorted(value)}")
            (op, operand), = value.items()
            if op in ("IN", "NOT_IN"):
                self.tests.append((column, op, frozenset(_value_id(v) for v in operand)))
            elif op == "REGEX":
                self.tests.append((column, op, (re.compile(operand), strings, {})))
            else:
                raise _Unsupported(f"operator {op!r}")

    def exact(self) -> list[tuple[int, int]]:
        """The (column, value) pairs that index this test: one value, or each value of IN."""
        for column, op, operand in self.tests:
            if op == "==":
                return [(column, operand)]
        for column, op, operand in self.tests:
            if op == "IN":
                return [(column, v) for v in operand]
        return []

    def __call__(self, row) -> bool:
        for column, op, operand in self.tests:
            value = row[column]
            if op == "==":
                if value != operand:
                    return False
            elif op == "IN":
                if value not in operand:
                    return False
            elif op == "NOT_IN":
                if value in operand:
                    return False
            else:
                regex, strings, seen = operand
                hit = seen.get(value)
                if hit is None:
                    if len(seen) > _CACHE_LIMIT:
                        seen.clear()
                    hit = seen[value] = bool(regex.search(strings[value]))
                if not hit:
                    return False
        return True


def _index(tests) -> tuple[dict[tuple[int, int], list[int]], list[int]]:
    """Patterns by the (column, value) pairs their first token requires; those with none apart."""
    at: dict[tuple[int, int], list[int]] = {}
    anywhere: list[int] = []
    for n, test in enumerate(tests):
        keys = test.exact()
        for key in keys:
            at.setdefault(key, []).append(n)
        if not keys:
            anywhere.append(n)
    return at, anywhere


class _StandIn:
    """A stand-in for one of the model's stock components, put in its place under its name. It
    holds the stock component, which serialises it; ``_derive`` rebuilds what it keeps from the
    stock component (after that loads new data)."""

    factory = ""  # the registered factory that builds the stand-in from the stock component

    def __init__(self, stock) -> None:
        self.stock = stock
        self.name = getattr(stock, "name", self.factory)
        self._derive()

    def _derive(self) -> None:
        raise NotImplementedError

    @classmethod
    def _swap(cls, nlp: Language, name: str) -> None:
        nlp.add_pipe(cls.factory, name=f"{name}_stand_in", before=name, config={"source": name})
        nlp.remove_pipe(name)
        nlp.rename_pipe(f"{name}_stand_in", name)

    def to_bytes(self, **kwargs):
        return self.stock.to_bytes(**kwargs)

    def from_bytes(self, data, **kwargs):
        self.stock.from_bytes(data, **kwargs)
        self._derive()
        return self

    def to_disk(self, path, **kwargs):
        self.stock.to_disk(path, **kwargs)

    def from_disk(self, path, **kwargs):
        self.stock.from_disk(path, **kwargs)
        self._derive()
        return self


class IndexedAttributeRuler(_StandIn):
    """The stock attribute ruler's patterns, applied by lookup (see the module's text).

    Serialisation and ``patterns`` are the stock ruler's, and a ruler whose patterns cannot be
    indexed runs as it is.
    """

    factory = "eventwire_indexed_attribute_ruler"

    def _derive(self) -> None:
        ruler = self.stock
        columns: dict[int, int] = {}
        self._single: list[tuple[int, _TokenTest, dict]] = []  # (order, test, attrs)
        self._longer: list[tuple[int, list[_TokenTest], int, dict]] = []  # (order, tests, target, attrs)
        strings = ruler.vocab.strings
        for order, entry in enumerate(ruler.patterns):
            attrs = ruler.attrs[order]
            for pattern in entry["patterns"]:
                if not pattern or any(not isinstance(t, dict) or "OP" in t for t in pattern):
                    raise _Unsupported("quantifier or empty pattern")
                tests = [_TokenTest(t, columns, strings) for t in pattern]
                index = entry["index"]
                target = index if index >= 0 else len(tests) + index
                if not 0 <= target < len(tests):
                    raise _Unsupported(f"index {index} outside a pattern of {len(tests)}")
                if len(tests) == 1:
                    self._single.append((order, tests[0], attrs))
                else:
                    self._longer.append((order, tests, target, attrs))
        self._attrs = [a for a, _ in sorted(columns.items(), key=lambda kv: kv[1])]
        self._single_at, self._single_any = _index(test for _, test, _ in self._single)
        self._first, self._first_any = _index(tests[0] for _, tests, _, _ in self._longer)
        self._cache: dict[tuple, tuple[list, dict]] = {}

    @classmethod
    def replace(cls, nlp: Language, name: str = "attribute_ruler") -> bool:
        """Put an indexed ruler in place of ``nlp``'s stock one; False where it stays as it is."""
        from spacy.pipeline import AttributeRuler

        if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
            return False
        try:
            cls(nlp.get_pipe(name))
        except _Unsupported:
            return False
        cls._swap(nlp, name)
        return True

    def _outcome(self, row: tuple) -> tuple[list, dict, list]:
        """For a token with these values: the one-token patterns that match it, what they set,
        and the longer patterns whose first token it matches."""
        found = self._cache.get(row)
        if found is None:
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            candidates = set(self._single_any)
            firsts = set(self._first_any)
            for key in enumerate(row):
                candidates.update(self._single_at.get(key, ()))
                firsts.update(self._first.get(key, ()))
            matched = [self._single[n][::2] for n in sorted(candidates) if self._single[n][1](row)]
            merged: dict = {}
            for _, attrs in matched:
                merged.update(attrs)
            found = self._cache[row] = (matched, merged, [n for n in sorted(firsts) if self._longer[n][1][0](row)])
        return found

    def __call__(self, doc):
        if not len(doc):
            return doc
        values = doc.to_array(self._attrs).tolist()
        rows = list(map(tuple, values)) if len(self._attrs) > 1 else [(v,) for v in values]
        outcome, longer = self._outcome, self._longer
        extra: dict[int, list] = {}  # token -> (order, attrs) of longer patterns that set it
        for i, (token, row) in enumerate(zip(doc, rows)):
            matched, merged, firsts = outcome(row)
            for n in firsts:
                order, tests, target, attrs = longer[n]
                if i + len(tests) <= len(rows) and all(test(rows[i + k]) for k, test in enumerate(tests) if k):
                    extra.setdefault(i + target, []).append((order, attrs))
            if extra and i in extra:
                merged = {}
                for _, attrs in sorted(matched + extra.pop(i), key=lambda m: m[0]):
                    merged.update(attrs)
            if merged:
                set_token_attrs(token, merged)
        return doc

    @property
    def patterns(self):
        return self.stock.patterns


@Language.factory("eventwire_indexed_attribute_ruler", default_config={"source": "attribute_ruler"})
def _make_indexed_attribute_ruler(nlp: Language, name: str, source: str) -> IndexedAttributeRuler:
    """The indexed form of the pipeline's stock attribute ruler named ``source``."""
    return IndexedAttributeRuler(nlp.get_pipe(source))


class _WordIndex(list):
    """A word list that answers ``in`` from a set; it serialises as the list it is."""

    __slots__ = ("_words",)

    def __init__(self, words) -> None:
        super().__init__(words)
        self._words = frozenset(self)

    def __contains__(self, word) -> bool:
        return word in self._words


def set_lemma_index(nlp: Language, name: str = "lemmatizer") -> bool:
    """Give the rule lemmatizer's word index set lookups (membership is all it is used for)."""
    if name not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe(name)
    lookups = getattr(lemmatizer, "lookups", None)
    if getattr(lemmatizer, "mode", None) != "rule" or lookups is None or not lookups.has_table("lemma_index"):
        return False
    table = lookups.get_table("lemma_index")
    for key, words in list(table.items()):
        if type(words) is list:
            table[key] = _WordIndex(words)
    return True


class CachedLemmatizer(_StandIn):
    """The stock rule lemmatizer's answers, kept per (word, POS, morphology): the rule
    lemmatizer's answer depends on nothing else. A document's lemmas are read and written as
    one array; the stock component finds each lemma that is not kept yet. Serialisation is the
    stock component's."""

    factory = "eventwire_cached_lemmatizer"

    def _derive(self) -> None:
        self._lemmas: dict[tuple[int, int, int], int] = {}

    @property
    def mode(self) -> str:
        """The stock lemmatizer's mode ("rule")."""
        return self.stock.mode

    @property
    def lookups(self):
        """The stock lemmatizer's tables: what reads the model's English words reads them here."""
        return self.stock.lookups

    @classmethod
    def replace(cls, nlp: Language, name: str = "lemmatizer") -> bool:
        from spacy.pipeline import Lemmatizer

        if name not in nlp.pipe_names:
            return False
        stock = nlp.get_pipe(name)
        if not isinstance(stock, Lemmatizer) or stock.mode != "rule":
            return False
        cls._swap(nlp, name)
        return True

    def __call__(self, doc):
        if not len(doc):
            return doc
        stock = self.stock
        if not stock._validated:
            stock._validate_tables()
        lemmas, strings, overwrite = self._lemmas, doc.vocab.strings, stock.overwrite
        if len(lemmas) > _CACHE_LIMIT:
            lemmas.clear()
        out = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array([ORTH, POS, MORPH, LEMMA]).tolist()):
            if lemma and not overwrite:
                out.append(lemma)
                continue
            key = (orth, pos, morph)
            found = lemmas.get(key)
            if found is None:
                found = lemmas[key] = strings.add(stock.lemmatize(doc[i])[0])
            out.append(found)
        doc.from_array([LEMMA], numpy.array(out, dtype=numpy.uint64).reshape(-1, 1))
        return doc


@Language.factory("eventwire_cached_lemmatizer", default_config={"source": "lemmatizer"})
def _make_cached_lemmatizer(nlp: Language, name: str, source: str) -> CachedLemmatizer:
    """The pipeline's stock rule lemmatizer named ``source``, its answers kept."""
    return CachedLemmatizer(nlp.get_pipe(source))


def speed_up(nlp: Language) -> Language:
    """The stand-ins and the set-backed lemma index, where ``nlp`` has the stock components."""
    IndexedAttributeRuler.replace(nlp)
    set_lemma_index(nlp)
    CachedLemmatizer.replace(nlp)
    return nlp
