"""Search latency per keystroke on a 5,000-item catalog (goal: <= 10 ms).

Types a set of queries one character at a time, the way the on-screen keyboard feeds the search
box (Chinese text, full pinyin, initials, item codes), each query started from an empty box, and
reports mean / p95 / max per keystroke. Also: index build time and, for comparison, the cost of
one keystroke without the incremental shortcut (every item examined)."""
from __future__ import annotations

import statistics
import time
from dataclasses import replace

from kiosk.catalog import Catalog
from kiosk.search import SearchIndex
from reference_platform import demo_data

ITEMS = 5000
QUERIES = ("hkqy", "hukouqianyi", "shehuibaozhangka", "sbk", "gongjijintiqu", "gjjtq",
           "zhufanggongjijin", "bdcdj", "budongchandengji", "户口迁移", "不动产登记", "公积金提取",
           "营业执照", "XK00101", "1199010001", "jiehundengji", "cjrz", "qiyekaiban")
ROUNDS = 5
GOAL_MS = 10.0


def _stats(samples: list[float]) -> tuple[float, float, float]:
    ms = sorted(s * 1000 for s in samples)
    return statistics.mean(ms), ms[min(len(ms) - 1, int(len(ms) * 0.95))], ms[-1]


def main() -> None:
    started = time.perf_counter()
    catalog = Catalog.from_payload({"items": demo_data.generate(ITEMS)})
    generated = time.perf_counter() - started
    started = time.perf_counter()
    index = SearchIndex(catalog)
    built = time.perf_counter() - started

    typed: list[float] = []
    cold: list[float] = []
    for _ in range(ROUNDS):
        for query in QUERIES:
            index.search("")
            for n in range(1, len(query) + 1):
                t0 = time.perf_counter()
                index.search(query[:n])
                typed.append(time.perf_counter() - t0)
            # the same last keystroke with no previous hits to narrow from
            index.search("")
            t0 = time.perf_counter()
            index.search(query)
            cold.append(time.perf_counter() - t0)

    # a real catalog has few repeated names: pinyin every one of them
    distinct = [replace(item, name=f"{item.name}{n}")
                for n, item in enumerate(catalog)]
    started = time.perf_counter()
    SearchIndex(distinct)
    built_distinct = time.perf_counter() - started

    mean, p95, worst = _stats(typed)
    cold_mean, cold_p95, cold_max = _stats(cold)
    print(f"catalog: {len(catalog)} items generated in {generated * 1000:.0f} ms; "
          f"index built in {built * 1000:.0f} ms (pypinyin once per distinct name)")
    print(f"index build with {len(distinct)} distinct names: {built_distinct * 1000:.0f} ms")
    print(f"keystrokes typed: {len(typed)} ({len(QUERIES)} queries x {ROUNDS} rounds)")
    print(f"per keystroke, incremental typing: mean {mean:.2f} ms, p95 {p95:.2f} ms, "
          f"max {worst:.2f} ms")
    print(f"whole query at once (no narrowing): mean {cold_mean:.2f} ms, p95 {cold_p95:.2f} ms, "
          f"max {cold_max:.2f} ms")
    verdict = "met" if p95 <= GOAL_MS else "NOT met"
    print(f"goal: <= {GOAL_MS:.0f} ms per keystroke (p95): {verdict}")


if __name__ == "__main__":
    main()
