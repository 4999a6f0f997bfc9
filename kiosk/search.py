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
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Iterable, Sequence

from pypinyin import Style, lazy_pinyin

from kiosk.catalog import ServiceItem

# Rank tiers, best first. Within a tier shorter names come first, then catalog order.
TIER_CODE_EXACT = 0
TIER_NAME_EXACT = 1
TIER_CODE_PREFIX = 2
TIER_NAME_PREFIX = 3       # the name starts with the text, or the pinyin matches from its start
TIER_NAME_INSIDE = 4       # the text or pinyin matches later in the name
TIER_CONTEXT = 5           # matches the department, a theme or a word of the English name
_TEXT_TIERS = (TIER_NAME_EXACT, TIER_NAME_PREFIX, TIER_NAME_INSIDE, TIER_CONTEXT)

_HAN = re.compile(r"[\u3400-\u9fff]")
_IGNORED = re.compile(r"[\s'’·]+")
_ALNUM_RUN = re.compile(r"[a-z0-9]+")
_RUNS = re.compile(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+")
MAX_VARIANTS = 6
MIN_ENGLISH = 3
# Characters common in service names that people read more than one way. pypinyin's full
# heteronym lists are mostly rare readings (提 di, 前 jian), which would crowd out these.
POLYPHONES: dict[str, tuple[str, ...]] = {
    "还": ("huan", "hai"), "行": ("xing", "hang"), "重": ("zhong", "chong"),
    "长": ("chang", "zhang"), "调": ("tiao", "diao"), "参": ("can", "shen"),
    "单": ("dan", "shan"), "会": ("hui", "kuai"), "解": ("jie", "xie"), "省": ("sheng", "xing"),
    "给": ("gei", "ji"), "校": ("xiao", "jiao"), "曾": ("zeng", "ceng"), "朝": ("chao", "zhao"),
    "传": ("chuan", "zhuan"), "都": ("du", "dou"), "率": ("lv", "shuai"), "属": ("shu", "zhu"),
    "差": ("cha", "chai"), "系": ("xi", "ji"), "查": ("cha", "zha"), "盛": ("sheng", "cheng"),
    "降": ("jiang", "xiang"), "角": ("jiao", "jue"), "模": ("mo", "mu"), "血": ("xue", "xie"),
    "便": ("bian", "pian"), "强": ("qiang", "jiang"), "藏": ("cang", "zang"), "乐": ("le", "yue"),
    "种": ("zhong", "chong"), "期": ("qi", "ji"), "弹": ("tan", "dan"),
}


@dataclass(frozen=True)
class SearchHit:
    item: ServiceItem
    tier: int


def syllables(text: str) -> list[str]:
    """The pinyin syllables of a text (lower case, no tones, ü as v) as pypinyin reads it in
    context; digits and Latin letters count as one syllable per run; punctuation is dropped."""
    def non_han(chunk: str) -> list[str]:
        return _ALNUM_RUN.findall(chunk.lower())
    return [s for s in lazy_pinyin(text, style=Style.NORMAL, errors=non_han) if s]


def readings(text: str, max_variants: int = MAX_VARIANTS) -> list[list[str]]:
    """The syllables of a text as pypinyin reads it, then the same with one common polyphonic
    character read another way (pypinyin reads 还款 "hai kuan"; a citizen types "huankuan"),
    at most max_variants of those."""
    tokens: list[tuple[str, list[str]]] = []
    for run in _RUNS.findall(text):
        if _HAN.match(run):
            for ch, primary in zip(run, lazy_pinyin(run, style=Style.NORMAL)):
                others = [r for r in _char_readings(ch) if r != primary]
                tokens.append((primary, others))
        else:
            tokens.extend((token, []) for token in _ALNUM_RUN.findall(run.lower()))
    base = [primary for primary, _ in tokens]
    variants = [base]
    for n, (_, others) in enumerate(tokens):
        for other in others:
            if len(variants) > max_variants:
                return variants
            variants.append(base[:n] + [other] + base[n + 1:])
    return variants


def _char_readings(ch: str) -> tuple[str, ...]:
    return POLYPHONES.get(ch, ())


def normalise(query: str) -> str:
    return _IGNORED.sub("", query).lower()


class SearchIndex:
    """A search index over a list of items, built once per catalog.

    Items are kept in display order (shorter names first, then catalog order) and every scan
    walks them in that order, so each tier's hits come out already sorted: no sort per keystroke.
    """

    def __init__(self, items: Iterable[ServiceItem]):
        self.items: list[ServiceItem] = sorted(items, key=lambda i: len(i.name))  # stable
        cache: dict[str, str] = {}   # generated catalogs repeat names; pinyin them once

        def spaced(text: str) -> str:
            # one line per reading; the pattern never crosses a line
            if text not in cache:
                cache[text] = "\n".join(" " + " ".join(r) + " " for r in readings(text))
            return cache[text]

        self._names = [i.name for i in self.items]
        self._pinyin = [spaced(i.name) for i in self.items]
        self._context = ["\n".join((i.department, *i.themes)) for i in self.items]
        codes = [(code.lower(), r) for r, i in enumerate(self.items)
                 for code in {i.basic_code, i.impl_code}]
        codes.sort()
        self._code_keys = [c for c, _ in codes]
        self._code_pos = [r for _, r in codes]
        # English names in one text, one per line, so one regex finds every word that starts
        # with what was typed (the English UI: "passport" finds 普通护照签发)
        english = [i.name_en.lower() for i in self.items]
        self._english = "\n".join(english)
        self._english_starts = list(accumulate((len(e) + 1 for e in english[:-1]), initial=0))
        self._last_query = ""
        self._last_han = False
        self._last_hits: list[int] = []

    def __len__(self) -> int:
        return len(self.items)

    def search(self, query: str, limit: int | None = None) -> list[ServiceItem]:
        """Items matching `query`, best first (exact and prefix matches before the rest)."""
        items = self.items
        out = [items[r] for bucket in self._buckets(query) for r in bucket]
        return out if limit is None else out[:limit]

    def hits(self, query: str, limit: int | None = None) -> list[SearchHit]:
        """Like search(), with the rank tier of each item."""
        items = self.items
        out = [SearchHit(items[r], tier) for tier, bucket in enumerate(self._buckets(query))
               for r in bucket]
        return out if limit is None else out[:limit]

    def _buckets(self, query: str) -> list[list[int]]:
        """Item positions per tier (index = tier), each list in display order."""
        q = normalise(query)
        buckets: list[list[int]] = [[] for _ in range(TIER_CONTEXT + 1)]
        if not q:
            self._last_query = ""
            return buckets
        has_han = bool(_HAN.search(q))
        # Text and pinyin matching are monotonic: an item that matches "hkq" matched "hk". So
        # typing one more character only looks at the previous hits again.
        if self._last_query and q.startswith(self._last_query) and has_han == self._last_han:
            candidates: Sequence[int] = self._last_hits
        else:
            candidates = range(len(self.items))
        coded = self._code_hits(q, buckets)
        if has_han:
            self._scan_text(q, candidates, buckets)
        else:
            self._scan_pinyin(q, candidates, buckets)
            self._scan_english(q, buckets)
        # remembered before code hits are taken out: the next keystroke may no longer match the
        # code but still match the name
        self._last_query, self._last_han = q, has_han
        self._last_hits = sorted(r for tier in _TEXT_TIERS for r in buckets[tier])
        if coded:
            for tier in _TEXT_TIERS:
                buckets[tier] = [r for r in buckets[tier] if r not in coded]
        return buckets

    def _code_hits(self, q: str, buckets: list[list[int]]) -> set[int]:
        """Exact codes always; prefixes only once a digit is typed ("xk" starts every 行政许可
        code and would bury the names)."""
        keys, positions = self._code_keys, self._code_pos
        with_digit = any(c.isdigit() for c in q)
        found: dict[int, int] = {}
        n = bisect_left(keys, q)
        while n < len(keys) and keys[n].startswith(q):
            if keys[n] == q:
                found[positions[n]] = TIER_CODE_EXACT
            elif with_digit:
                found.setdefault(positions[n], TIER_CODE_PREFIX)
            n += 1
        for r in sorted(found):
            buckets[found[r]].append(r)
        return set(found)

    def _scan_text(self, q: str, candidates: Sequence[int], buckets: list[list[int]]) -> None:
        names, context = self._names, self._context
        exact, prefix, inside, other = (buckets[TIER_NAME_EXACT], buckets[TIER_NAME_PREFIX],
                                        buckets[TIER_NAME_INSIDE], buckets[TIER_CONTEXT])
        for r in candidates:
            name = names[r]
            if q in name:
                (exact if name == q else prefix if name.startswith(q) else inside).append(r)
            elif q in context[r]:
                other.append(r)

    def _scan_english(self, q: str, buckets: list[list[int]]) -> None:
        """Words of the English names that start with q (3 letters or more: shorter prefixes
        match too much). Scans the whole text each time (a fast substring search), which keeps the
        narrowing of candidates valid for the pinyin scan."""
        if len(q) < MIN_ENGLISH or not self._english:
            return
        text, starts, found = self._english, self._english_starts, set()
        at = text.find(q)
        while at != -1:
            # a plain find runs at memchr speed; the word-start test is done by hand because a
            # \b pattern turns off that fast scan
            if at == 0 or not text[at - 1].isalnum():
                found.add(bisect_right(starts, at) - 1)
            at = text.find(q, at + 1)
        if found:
            named = set(buckets[TIER_NAME_PREFIX]).union(buckets[TIER_NAME_INSIDE])
            merged = set(buckets[TIER_CONTEXT]).union(r for r in found if r not in named)
            buckets[TIER_CONTEXT] = sorted(merged)

    def _scan_pinyin(self, q: str, candidates: Sequence[int], buckets: list[list[int]]) -> None:
        search = _pinyin_pattern(q).search
        pinyin = self._pinyin
        prefix, inside = buckets[TIER_NAME_PREFIX], buckets[TIER_NAME_INSIDE]
        for r in candidates:
            text = pinyin[r]
            m = search(text)
            if m is not None:
                at = m.start()
                (prefix if at == 0 or text[at - 1] == "\n" else inside).append(r)


def _pinyin_pattern(q: str) -> re.Pattern[str]:
    """A regex over " syl syl syl " text: each typed letter either continues the current
    syllable or, after skipping the rest of it, starts the next one."""
    parts = [re.escape(q[0])]
    for ch in q[1:]:
        parts.append(f"(?:[a-z0-9]* )?{re.escape(ch)}")
    return re.compile(" " + "".join(parts))
