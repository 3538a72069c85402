"""Literal gates for the rule patterns: a cheap ``in`` test that tells when a regular
expression cannot match a text, so that its scan is skipped.

Most cue patterns hold words that any match must contain ("since", one of "funeral",
"burial", "mourners"). :func:`needles` reads them off the parsed pattern: a set of
lower-case ASCII strings, one of which appears in the :func:`fold`-ed text of every
match, whatever the pattern's case flags. A text that holds none of them gets no match,
so ``GatedPattern.search`` answers ``None`` without running the expression; where a
pattern holds no such words it always runs. The answers are those of ``re`` itself.
"""
from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser  # type: ignore[attr-defined]

__all__ = ["AnyOf", "GatedPattern", "finder", "fold", "needles", "scans"]

# Under IGNORECASE an ASCII letter also matches these (U+212A KELVIN SIGN lower-cases to
# "k" by itself); after this table, ``str.lower`` maps every character a pattern's ASCII
# letter can match to that letter in lower case, one character for one.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})

_ZERO_WIDTH = (C.AT,)
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)


def fold(text: str) -> str:
    """The text as :func:`needles` are tested on it: lower case, same length."""
    return text.translate(_FOLD).lower()


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The choice that rules out more texts: longer shortest needle, then fewer needles."""
    if a is None or b is None:
        return a if b is None else b
    key = lambda s: (min(map(len, s)), -len(s))  # noqa: E731
    return a if key(a) >= key(b) else b


# the most strings a run of literals and small alternations is spelled out into
_MAX_SPELLINGS = 64


def _fixed(item) -> frozenset[str] | None:
    """Every text one pattern item matches, when they are few and all plain ASCII
    ("since", "(?:the )?", "(?:past|last)"); None otherwise."""
    op, av = item
    if op is C.LITERAL:
        return frozenset([chr(av).lower()]) if av < 128 else None
    if op in _ZERO_WIDTH:
        return frozenset([""])
    if op is C.SUBPATTERN:
        return _fixed_sequence(av[-1])
    if op is C.BRANCH:
        out: set[str] = set()
        for alternative in av[1]:
            found = _fixed_sequence(alternative)
            if found is None:
                return None
            out |= found
        return frozenset(out) if len(out) <= _MAX_SPELLINGS else None
    if op in _REPEATS and av[0] == 0 and av[1] == 1:
        found = _fixed_sequence(av[2])
        return None if found is None else found | {""}
    return None


def _fixed_sequence(items) -> frozenset[str] | None:
    out = frozenset([""])
    for item in items:
        found = _fixed(item)
        if found is None:
            return None
        out = frozenset(a + b for a in out for b in found)
        if len(out) > _MAX_SPELLINGS:
            return None
    return out


def _of_sequence(items) -> frozenset[str] | None:
    best: frozenset[str] | None = None
    run = frozenset([""])  # the spellings of the literal stretch being read

    def close() -> None:
        nonlocal best, run
        if all(run):
            best = _better(best, run)
        run = frozenset([""])

    for item in items:
        found = _fixed(item)
        if found is not None:
            longer = frozenset(a + b for a in run for b in found)
            if len(longer) <= _MAX_SPELLINGS:
                run = longer
                continue
            close()
            run = found
            continue
        close()
        op, av = item
        if op is C.SUBPATTERN:
            best = _better(best, _of_sequence(av[-1]))
        elif op is C.BRANCH:
            best = _better(best, _of_branch(av[1]))
        elif op in _REPEATS and av[0] >= 1:
            best = _better(best, _of_sequence(av[2]))
        elif op is C.ATOMIC_GROUP:
            best = _better(best, _of_sequence(av))
    close()
    return best


def _of_branch(alternatives) -> frozenset[str] | None:
    out: set[str] = set()
    for alternative in alternatives:
        found = _of_sequence(alternative)
        if found is None:
            return None
        out |= found
    return frozenset(out)


def _anchored(items) -> bool:
    """Every match starts at the start of the text: a search of it is one try, no scan."""
    if not items:
        return False
    op, av = items[0]
    if op is C.AT:
        return av in (C.AT_BEGINNING, C.AT_BEGINNING_STRING)
    if op is C.SUBPATTERN:
        return _anchored(av[-1])
    if op is C.BRANCH:
        return all(_anchored(alternative) for alternative in av[1])
    return False


def scans(pattern: str, flags: int = 0) -> bool:
    """Does a search of the pattern scan the text (it is not held to the text's start)?"""
    parsed = _parser.parse(pattern, flags)
    return bool(parsed.state.flags & re.MULTILINE) or not _anchored(parsed.data)


def finder(strings) -> re.Pattern:
    """One pattern that finds any of the strings in a text, spelled as a tree of their
    letters: one scan of a text tells whether it holds any."""
    tree: dict = {}
    for string in strings:
        node = tree
        for ch in string:
            node = node.setdefault(ch, {})
        node[""] = {}

    def spell(node: dict) -> str:
        if "" in node:
            return ""  # a string ends here: what follows it does not matter
        branches = [re.escape(ch) + spell(sub) for ch, sub in sorted(node.items())]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return re.compile(spell(tree) if tree else "(?!)")


def needles(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of ``pattern`` holds in its :func:`fold`-ed text;
    None when the pattern has no such words (any text may match)."""
    found = _of_sequence(_parser.parse(pattern, flags))
    if not found or not all(found):
        return None
    # a needle that holds another is there only where that one is
    return frozenset(n for n in found if not any(m != n and m in n for m in found))


class GatedPattern:
    """A compiled pattern whose ``search`` and ``finditer`` skip the scan of a text that holds
    none of its :func:`needles`. Pass ``folded`` (``fold(text)``) when one text meets many
    patterns."""

    __slots__ = ("rx", "needles", "pattern")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.rx = re.compile(pattern, flags)
        self.pattern = pattern
        # a pattern held to the text's start costs one try: no test before it
        self.needles = needles(pattern, flags) if scans(pattern, flags) else None

    def may_match(self, folded: str) -> bool:
        return self.needles is None or any(n in folded for n in self.needles)

    def search(self, text: str, folded: str | None = None):
        if self.needles is not None and not self.may_match(fold(text) if folded is None else folded):
            return None
        return self.rx.search(text)

    def finditer(self, text: str, folded: str | None = None):
        if self.needles is not None and not self.may_match(fold(text) if folded is None else folded):
            return iter(())
        return self.rx.finditer(text)


class AnyOf:
    """Does any of several patterns match a text? The patterns with needles each run only
    where theirs appear; those without run as one alternation."""

    __slots__ = ("gated", "rest", "any_needle")

    def __init__(self, patterns, flags: int = 0) -> None:
        gated = [GatedPattern(p, flags) for p in patterns]
        self.gated = tuple(g for g in gated if g.needles is not None)
        rest = [g.pattern for g in gated if g.needles is None]
        self.rest = re.compile("|".join(f"(?:{p})" for p in rest), flags) if rest else None
        self.any_needle = finder(n for g in self.gated for n in g.needles)

    def may_match(self, folded: str) -> bool:
        """Could any pattern match the text? (False only where none can.)"""
        return self.rest is not None or self.any_needle.search(folded) is not None

    def matches(self, text: str, folded: str | None = None) -> bool:
        if self.rest is not None and self.rest.search(text) is not None:
            return True
        if not self.gated:
            return False
        folded = fold(text) if folded is None else folded
        if self.any_needle.search(folded) is None:
            return False
        return any(g.rx.search(text) is not None for g in self.gated if g.may_match(folded))
