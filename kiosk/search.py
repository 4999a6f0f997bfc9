"""Search the catalog as a citizen types: Chinese text, full pinyin, pinyin initials, item codes.

Everything expensive happens once in SearchIndex(): pypinyin runs when the index is built, never per
keystroke. Per keystroke the work is one compiled regular expression and a few substring tests per
item, and when the new query extends the previous one only the previous hits are looked at again.
That keeps a keystroke on a 5,000-item catalog to a millisecond or two (bench/bench_search.py).

Pinyin matching works on syllables: each syllable may be typed in full or cut short, and the
syllables typed must follow each other in the name. So "hukouqianyi", "hkqy", "hukouqy" and "qianyi"
all find 户口迁移, while "kouq" does not start at a syllable and "anyi" does not either.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Sequence

from pypinyin import Style, lazy_pinyin

from kiosk.catalog import ServiceItem

# Rank tiers, best first. Within a tier shorter names come first, then catalog order.
TIER_CODE_EXACT = 0
TIER_NAME_EXACT = 1
TIER_CODE_PREFIX = 2
TIER_NAME_PREFIX = 3       # the name starts with the text, or the pinyin matches from its start
TIER_NAME_INSIDE = 4       # the text or pinyin matches later in the name
TIER_CONTEXT = 5           # matches the department or a theme, not the name
_HIDDEN = 9

_HAN = re.compile(r"[\u3400-\u9fff]")
_IGNORED = re.compile(r"[\s'’·]+")
_ALNUM_RUN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class SearchHit:
    item: ServiceItem
    tier: int


def syllables(text: str) -> list[str]:
    """The pinyin syllables of a text (lower case, no tones, ü as v); digits and Latin letters
    count as one syllable per run; punctuation is dropped."""
    def non_han(chunk: str) -> list[str]:
        return _ALNUM_RUN.findall(chunk.lower())
    return [s for s in lazy_pinyin(text, style=Style.NORMAL, errors=non_han) if s]


def normalise(query: str) -> str:
    return _IGNORED.sub("", query).lower()


class SearchIndex:
    """A search index over a list of items, built once per catalog."""

    def __init__(self, items: Iterable[ServiceItem]):
        self.items: list[ServiceItem] = list(items)
        cache: dict[str, str] = {}   # generated catalogs repeat names; pinyin them once

        def spaced(text: str) -> str:
            if text not in cache:
                cache[text] = " " + " ".join(syllables(text)) + " "
            return cache[text]

        self._names = [i.name for i in self.items]
        self._pinyin = [spaced(i.name) for i in self.items]
        self._context = ["\n".join((i.department, *i.themes)) for i in self.items]
        self._codes = [(i.basic_code.lower(), i.impl_code.lower()) for i in self.items]
        self._lengths = [len(i.name) for i in self.items]
        self._last_query = ""
        self._last_hits: list[int] = list(range(len(self.items)))

    def __len__(self) -> int:
        return len(self.items)

    def search(self, query: str, limit: int | None = None) -> list[ServiceItem]:
        """Items matching `query`, best first (exact and prefix matches before the rest)."""
        return [hit.item for hit in self.hits(query, limit)]

    def hits(self, query: str, limit: int | None = None) -> list[SearchHit]:
        q = normalise(query)
        if not q:
            self._last_query, self._last_hits = "", list(range(len(self.items)))
            return []
        # Every way of matching is monotonic: an item that matches "hkq" matched "hk". So typing
        # one more letter only has to look at the previous hits.
        if self._last_query and q.startswith(self._last_query):
            candidates: Sequence[int] = self._last_hits
        else:
            candidates = range(len(self.items))
        ranked = self._rank(q, candidates)
        self._last_query = q
        self._last_hits = [i for _, _, i in ranked]
        shown = [(tier, i) for tier, _, i in ranked if tier != _HIDDEN]
        if limit is not None:
            shown = shown[:limit]
        return [SearchHit(self.items[i], tier) for tier, i in shown]

    def _rank(self, q: str, candidates: Sequence[int]) -> list[tuple[int, int, int]]:
        """(tier, name length, index) for every candidate that still matches, sorted.

        The tier _HIDDEN marks an item that matches only as a letters-only code prefix ("xk" is
        the start of every 行政许可 code): kept for the next keystroke, not shown.
        """
        names, pinyin, context, codes, lengths = (self._names, self._pinyin, self._context,
                                                  self._codes, self._lengths)
        has_han = bool(_HAN.search(q))
        codes_shown = any(c.isdigit() for c in q)
        pattern = None if has_han else _pinyin_pattern(q)
        out = []
        for i in candidates:
            tier = None
            basic, impl = codes[i]
            if q == basic or q == impl:
                tier = TIER_CODE_EXACT
            elif has_han:
                name = names[i]
                if q == name:
                    tier = TIER_NAME_EXACT
                elif name.startswith(q):
                    tier = TIER_NAME_PREFIX
                elif q in name:
                    tier = TIER_NAME_INSIDE
                elif q in context[i]:
                    tier = TIER_CONTEXT
            else:
                code_prefix = basic.startswith(q) or impl.startswith(q)
                if code_prefix and codes_shown:
                    tier = TIER_CODE_PREFIX
                elif (m := pattern.search(pinyin[i])) is not None:
                    tier = TIER_NAME_PREFIX if m.start() == 0 else TIER_NAME_INSIDE
                elif code_prefix:
                    tier = _HIDDEN
            if tier is not None:
                out.append((tier, lengths[i], i))
        out.sort()
        return out


def _pinyin_pattern(q: str) -> re.Pattern[str]:
    """A regex over " syl syl syl " text: each typed letter either continues the current
    syllable or, after skipping the rest of it, starts the next one."""
    parts = [re.escape(q[0])]
    for ch in q[1:]:
        parts.append(f"(?:[a-z0-9]* )?{re.escape(ch)}")
    return re.compile(" " + "".join(parts))
