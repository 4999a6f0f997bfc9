"""The app context's areas are typed attributes wired in one explicit order; nobody probes them.

The rule this holds: every kiosk/wiring/NAME.py sets ctx.services.NAME (a field of
kiosk.services.Services), runs at its place in WIRING_ORDER, and product code reaches areas as
attributes, never by string keys or hasattr/getattr.
"""
from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

import pytest

from kiosk.context import AppContext, wire_all, wiring_modules
from kiosk.services import WIRING_ORDER, Services

ROOT = Path(__file__).resolve().parents[1]
PRODUCT = ("kiosk", "screens", "devices", "printing", "sync")


def test_every_wiring_module_has_a_place_in_the_order_and_a_field():
    assert sorted(WIRING_ORDER) == wiring_modules()
    assert WIRING_ORDER[0] == "platform"
    assert WIRING_ORDER.index("sync") < WIRING_ORDER.index("printing")   # audit -> outbox
    fields = {f.name for f in dataclasses.fields(Services)}
    assert set(WIRING_ORDER) - {"platform"} <= fields


def test_a_wiring_module_outside_the_order_stops_the_start(monkeypatch):
    import kiosk.context as context
    monkeypatch.setattr(context, "wiring_modules", lambda: [*WIRING_ORDER, "zz_new_area"])
    ctx = AppContext(config=None, session=None, bridge=None)
    with pytest.raises(RuntimeError, match="zz_new_area"):
        wire_all(ctx)


def test_each_wiring_module_sets_its_own_field():
    for name in set(WIRING_ORDER) - {"platform"}:
        source = (ROOT / "kiosk" / "wiring" / f"{name}.py").read_text(encoding="utf-8")
        assert re.search(rf"ctx\.services\.{name} = ", source), name


def _probes(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        # ctx.services["x"], ctx.services.get("x"), hasattr(service, "x"), getattr(ctx, "x", None)
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) \
                and node.value.attr == "services":
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} services[...]")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in ("get", "setdefault", "pop", "items") \
                and isinstance(node.func.value, ast.Attribute) and node.func.value.attr == "services":
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} services.{node.func.attr}()")
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("hasattr", "getattr") \
                and node.args and ast.unparse(node.args[0]).split(".")[-1] in (
                    "ctx", "services", "sync", "printing", "camera", "idcard", "smartcard"):
            found.append(f"{path.relative_to(ROOT)}:{node.lineno} {ast.unparse(node)}")
    return found


def test_product_code_never_probes_the_context():
    found = [hit for top in PRODUCT for path in sorted((ROOT / top).rglob("*.py"))
             for hit in _probes(path)]
    assert not found, "\n".join(found)


def test_the_probe_check_sees_a_probe(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('a = ctx.services["sync"]\nb = ctx.services.get("camera")\n'
                      'c = hasattr(sync, "enqueue")\nd = getattr(ctx, "bridge", None)\n')
    global ROOT
    saved, ROOT = ROOT, tmp_path
    try:
        assert len(_probes(sample)) == 4
    finally:
        ROOT = saved
