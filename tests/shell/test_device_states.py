"""The staff menu's "Devices and services" card speaks the UI language: every state template an
area can produce and every code it passes are in the translation catalogue, translated."""
from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace

from PySide6.QtWidgets import QLabel

from devices.receipt.status import ReceiptStatus
from kiosk.area_state import StatePart
from printing.cups_jobs import PRINTER_STATES, REASONS
from screens import device_states

ROOT = Path(__file__).resolve().parents[2]


def _templates_in_source() -> set[str]:
    """The first argument of every StatePart(...) call in the product, both arms of an if."""
    found = set()
    for top in ("kiosk", "screens", "devices", "printing", "sync"):
        for path in (ROOT / top).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "StatePart":
                    first = node.args[0]
                    arms = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
                    for arm in arms:
                        assert isinstance(arm, ast.Constant), f"{path}: a template must be literal"
                        found.add(arm.value)
    return found


def test_every_template_and_code_is_in_the_catalogue():
    templates = _templates_in_source()
    assert len(templates) > 15, templates
    assert templates <= set(device_states.TEMPLATES), templates - set(device_states.TEMPLATES)
    codes = {code for code, _ in REASONS.values()} | set(PRINTER_STATES.values())
    codes |= {ReceiptStatus(paper=p, online=o, cover_open=c, error=e).state
              for p in ("ok", "near-end", "out", "unknown") for o in (True, False, None)
              for c in (True, False) for e in (True, False)}
    assert codes <= set(device_states.CODES), codes - set(device_states.CODES)


def test_staff_sees_states_in_chinese_and_in_english(shell, ctx):
    from kiosk import i18n
    audited = SimpleNamespace(records=[])
    audited.append_record = lambda kind, record: audited.records.append(record["action"])
    ctx.services.printing = SimpleNamespace(state_parts=(
        StatePart("A4 printer: %1", ("paper_jam",)), StatePart("receipt printer: %1", ("ready",))))
    ctx.services.sync = SimpleNamespace(state_parts=(StatePart("offline (%1)", ("platform_tls",)),
                                                     StatePart("%1 queued", ("3",))),
                                        status=lambda: SimpleNamespace(online=False),
                                        commands=None, enqueue=audited.append_record,
                                        errors=lambda *alert: None)
    ctx.services.camera = SimpleNamespace(state_parts=(StatePart("ready"),))
    ctx.services.unavailable = {"smartcard": "pcscd missing"}
    shell.go("staff")
    staff = shell.current()
    staff._submit("000000")

    def card() -> str:
        return "\n".join(lab.text() for lab in staff.menu.findChildren(QLabel))
    chinese = card()
    for shown in ("打印机：A4打印机：卡纸；凭条打印机：就绪", "平台连接：离线（TLS证书错误）；待上传 3 条",
                  "摄像头：就绪", "社保卡读卡器：不可用（pcscd missing）"):
        assert shown in chinese, chinese
    shell.toggle_language()
    staff._build_menu()
    english = card()
    assert i18n.current_language() == "en"
    for shown in ("Printers: A4 printer: paper jam; receipt printer: ready",
                  "Platform link: offline (TLS certificate error); 3 queued", "Cameras: ready",
                  "Social security card reader: unavailable (pcscd missing)"):
        assert shown in english, english
