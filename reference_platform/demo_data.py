"""The synthetic service catalog of the fictitious 示范市 (region 990100), read from data files.

data/catalog.json is the demo catalog as GET /api/v1/catalog serves it (departments, "one thing"
themes and 306 service items with complete guides, without the revision); data/districts.json
names the districts for the larger benchmark catalog. Phone numbers, URLs and codes are synthetic
(.example domain, region 99xxxx); the legal sources are named the way real guides name them.
Loaded once per process; every call returns a fresh copy, so a test may edit what it gets.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("data")
REGION = "990100"


@lru_cache(maxsize=None)
def _text(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _load(name: str) -> Any:
    """A fresh copy each call (parsing the cached text is faster than a deep copy)."""
    return json.loads(_text(name))


def departments() -> list[dict[str, str]]:
    return _load("catalog.json")["departments"]


def themes() -> list[dict[str, str]]:
    return _load("catalog.json")["themes"]


def items() -> list[dict[str, Any]]:
    """The demo catalog's items in display (department) order."""
    return _load("catalog.json")["items"]


def payload() -> dict[str, Any]:
    """The body of GET /api/v1/catalog without its revision."""
    return _load("catalog.json")


def generate(count: int) -> list[dict[str, Any]]:
    """A larger catalog for benchmarks and tests: the demo items as implemented by the city and
    each of its districts (same item, own implementation code, department and hall), cut at
    `count`."""
    regions = _load("districts.json")
    hall = regions["hall"]
    out: list[dict[str, Any]] = []
    for index, district in enumerate(["", *regions["districts"]]):
        region = f"{int(REGION) + index:06d}"
        for item in items():
            impl = item["impl_code"][:2] + region + item["impl_code"][2 + len(region):]
            item["guide_url"] = item["guide_url"].removesuffix(item["impl_code"]) + impl
            item["impl_code"] = impl
            if district:
                item["department"] = district + item["department"]
                item["place"] = item["place"].replace(hall, f"{district}政务服务中心")
            out.append(item)
            if len(out) == count:
                return out
    raise ValueError(f"the demo catalog gives at most {len(out)} items, asked for {count}")
