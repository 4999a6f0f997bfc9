"""The synthetic service catalog of the fictitious 示范市 (region 990100): departments, "one thing"
themes and service items with complete guides.

Deterministic: the same call gives the same catalog byte for byte, so ETags are stable across
restarts. Fast (well under a second) because tests start the platform often. Phone numbers, URLs and
codes are synthetic (.example domain, region 99xxxx); the legal sources are named the way real
guides name them.
"""
from __future__ import annotations

import random
from typing import Any

from sync.reference_platform import demo_services as S

REGION = "990100"
CITY = "示范市"
HALL = "示范市政务服务中心"
GUIDE_BASE = "https://zwfw.shifan.example/bszn/"
COMPLAINT = "12345（示范市政务服务便民热线）"

_FORMS = {"o": "original", "c": "copy", "oc": "original_and_copy", "e": "electronic"}
_TYPES = {"XK": "行政许可", "QR": "行政确认", "JF": "行政给付", "GG": "公共服务",
          "QT": "其他行政权力", "JL": "行政奖励", "ZS": "行政征收", "BA": "备案"}
_DEPTH_NOTES = {1: "窗口办理", 2: "网上预约后窗口办理", 3: "网上申请、窗口核验", 4: "全程网办"}


def departments() -> list[dict[str, str]]:
    return [{"name": d.name, "name_en": S.DEPARTMENTS_EN[d.name], "address": f"{HALL}{d.floor}",
             "hours": d.hours, "phone": d.phone} for d in S.DEPARTMENTS]


def themes() -> list[dict[str, str]]:
    return [{"name": name, "name_en": S.THEMES_EN[name], "summary": summary, "category": category}
            for name, summary, category in S.THEMES]


def items(seed: int = 990100) -> list[dict[str, Any]]:
    """The demo catalog: every sub-item of every service in demo_services, in department order."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    for dept_index, dept in enumerate(S.DEPARTMENTS, start=1):
        for main_index, service in enumerate(S.SERVICES[dept.key], start=1):
            out.extend(_expand(service, dept, dept_index, main_index, REGION, rng))
    return out


def generate(count: int, seed: int = 1) -> list[dict[str, Any]]:
    """A larger catalog for benchmarks and tests: the demo services as implemented by the city and
    each of its districts (same item, own implementation code and department), cut at `count`."""
    out: list[dict[str, Any]] = []
    rng = random.Random(seed)
    for district_index, district in enumerate(("",) + S.DISTRICTS):
        region = f"{990100 + district_index:06d}"
        for dept_index, dept in enumerate(S.DEPARTMENTS, start=1):
            for main_index, service in enumerate(S.SERVICES[dept.key], start=1):
                for item in _expand(service, dept, dept_index, main_index, region, rng):
                    if district:
                        item["department"] = district + dept.name
                        item["place"] = item["place"].replace(HALL, f"{district}政务服务中心")
                    out.append(item)
                    if len(out) == count:
                        return out
    raise ValueError(f"the demo services give at most {len(out)} items, asked for {count}")


def payload(seed: int = 990100) -> dict[str, Any]:
    """The body of GET /api/v1/catalog without its revision."""
    return {"departments": departments(), "themes": themes(), "items": items(seed)}


# -- building one item ----------------------------------------------------------------------------

def _expand(service: S.Service, dept: S.Dept, dept_index: int, main_index: int, region: str,
            rng: random.Random) -> list[dict[str, Any]]:
    main = dept_index * 100 + main_index
    variants = service.subs or (S.Sub(""),)
    out = []
    for sub_index, sub in enumerate(variants, start=0 if not service.subs else 1):
        basic = f"{service.type}{main:05d}{sub_index:03d}"
        impl = f"11{region}{dept_index:02d}{basic}"
        out.append(_item(service, sub, dept, basic, impl, rng))
    return out


def _item(service: S.Service, sub: S.Sub, dept: S.Dept, basic: str, impl: str,
          rng: random.Random) -> dict[str, Any]:
    name = f"{service.name}（{sub.suffix}）" if sub.suffix else service.name
    name_en = S.NAMES_EN[service.name]
    if sub.suffix:
        name_en += f" ({S.SUFFIXES_EN[sub.suffix]})"
    actions = sub.actions if sub.actions is not None else service.actions
    promised, statutory = sub.days if sub.days is not None else service.days
    depth = sub.depth if sub.depth is not None else service.depth
    materials = [_material(m) for m in (*service.materials, *sub.materials)]
    fee = sub.fee if sub.fee is not None else service.fee
    return {
        "basic_code": basic,
        "impl_code": impl,
        "name": name,
        "department": dept.name,
        "category": "enterprise" if service.cat == "e" else "personal",
        "item_type": _TYPES[service.type],
        "themes": list(sub.themes if sub.themes is not None else service.themes),
        "legal_basis": list(service.law),
        "conditions": [*service.conditions, *sub.conditions],
        "materials": materials,
        "process": _process(service, promised, dept, rng),
        "promised_days": promised,
        "statutory_days": statutory,
        "fee": fee[0] if fee else "不收费",
        "fee_basis": fee[1] if fee else rng.choice(S.NO_FEE_BASES),
        "place": f"{HALL}{dept.floor}{'，' + sub.place if sub.place else ''}",
        "hours": dept.hours,
        "enquiry_phone": dept.phone,
        "complaint_phone": f"{COMPLAINT}；{dept.supervision}（{dept.name}监督电话）",
        "online_depth": depth,
        "visits": 0 if depth == 4 else (1 if promised <= 1 or depth >= 3 else 2),
        "kiosk_actions": list(actions) or ["none"],
        "kiosk_note": _kiosk_note(actions, service, depth),
        "guide_url": GUIDE_BASE + impl,
        "name_en": name_en,
    }


def _material(spec: str) -> dict[str, Any]:
    name, form, copies, *notes = spec.split("|")
    return {"name": name, "form": _FORMS[form], "copies": int(copies),
            "notes": notes[0] if notes else ""}


def _process(service: S.Service, promised: int, dept: S.Dept,
             rng: random.Random) -> list[dict[str, str]]:
    if service.steps:
        return [{"name": n, "detail": d} for n, d in service.steps]
    template = S.STEPS_ON_THE_SPOT if promised == 0 else S.STEPS_BY_TYPE[service.type]
    steps = []
    for name, choices in template:
        detail = rng.choice(choices).format(dept=dept.name, days=promised, hall=HALL)
        steps.append({"name": name, "detail": detail})
    return steps


def _kiosk_note(actions: str, service: S.Service, depth: int) -> str:
    parts = []
    if "apply" in actions:
        parts.append("可在自助终端读取身份证、拍摄申请材料并提交申请")
    if "query" in actions:
        parts.append("可在自助终端查询办理进度和结果")
    if "print" in actions:
        parts.append(f"可在自助终端打印{service.prints or '办理结果'}")
    if not parts:
        parts.append("自助终端可查看和打印一次性告知单，办理请到窗口")
    return "；".join(parts) + f"。网上办理：{_DEPTH_NOTES[depth]}。"
