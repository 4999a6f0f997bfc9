"""The one catalogue of citizen messages (kiosk/messages.py): every code an error class or a flow
can produce has a message, translated in both languages, and "ask staff" is said one way."""
from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kiosk import i18n, messages

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
from test_error_contract import CLASSES, declared_codes  # noqa: E402

STAFF_WORDS = re.compile(r"\bstaff\b", re.IGNORECASE)
ASKS = re.compile(r"\bask\b[^.;]*\bstaff\b|\bstaff\b[^.;]*\bhelp\b", re.IGNORECASE)


def error_codes() -> set[str]:
    return {code for cls in CLASSES for code in declared_codes(cls)}


def flow_codes() -> set[str]:
    from devices.receipt.status import ReceiptStatus
    from kiosk.flows import print_licences
    from kiosk.flows.guide_notice import UNAVAILABLE
    printing = {code for codes in print_licences._KINDS.values() for code in codes}
    receipts = {f"receipt_{ReceiptStatus(online=o, cover_open=c, paper=p, error=e).state}"
                for o in (True, False, None) for c in (True, False, None)
                for p in ("ok", "near-end", "out", "unknown") for e in (True, False, None)
                if not ReceiptStatus(online=o, cover_open=c, paper=p, error=e).can_print}
    return printing | receipts | {UNAVAILABLE, "printing_error", "receipt_printer"}


def screen_codes() -> set[str]:
    """The codes the screens name themselves: messages.message("...") in screens/."""
    found = set()
    for path in (ROOT / "screens").glob("*.py"):
        found |= set(re.findall(r'messages\.message\("([a-z0-9_]+)"', path.read_text("utf-8")))
        found |= set(re.findall(r'fallback="([a-z0-9_]+)"', path.read_text("utf-8")))
    return found


def zh_translations() -> dict[str, str]:
    tree = ET.parse(ROOT / "kiosk" / "i18n" / "kiosk.messages_zh_CN.ts")
    out = {}
    for context in tree.getroot().iter("context"):
        if context.findtext("name") != messages.CONTEXT:
            continue
        for entry in context.iter("message"):
            translation = entry.find("translation")
            if translation.get("type") != "unfinished" and (translation.text or "").strip():
                out[entry.findtext("source")] = translation.text
    return out


def test_the_screens_name_codes_the_catalogue_knows():
    codes = screen_codes()
    assert {"card_expired", "printing_error", "receipt_printer"} <= codes
    assert sorted(code for code in codes if not messages.known(code)) == []


@pytest.mark.parametrize("source", ["error classes", "flows"])
def test_every_code_has_a_message_or_is_for_staff_only(source):
    codes = error_codes() if source == "error classes" else flow_codes()
    missing = sorted(code for code in codes
                     if not messages.known(code) and code not in messages.STAFF_ONLY)
    assert missing == [], f"codes without a citizen message: {missing}"


def test_every_message_is_translated_into_chinese():
    zh = zh_translations()
    untranslated = [text for text in messages.texts() if text not in zh]
    assert untranslated == []
    assert all(zh[text] != text and re.search(r"[\u4e00-\u9fff]", zh[text])
               for text in messages.texts())


def test_ask_staff_is_said_one_way_in_both_languages():
    zh = zh_translations()
    asking = [text for text in messages.texts() if ASKS.search(text)]
    assert asking == [messages.ASK_STAFF]
    asking_zh = [zh[text] for text in messages.texts() if "求助" in zh[text] or "咨询工作人员"
                 in zh[text] or "联系工作人员" in zh[text]]
    assert asking_zh == [zh[messages.ASK_STAFF]]


@pytest.mark.parametrize("language, expected", [
    ("en", "The document could not be printed. Please ask the staff for help."),
    ("zh_CN", "文件未能打印。请向工作人员求助。")])
def test_a_message_that_needs_staff_ends_with_the_one_request(qapp, language, expected):
    try:
        assert i18n.install(language) > 0
        assert messages.message("printing_error") == expected
        assert messages.message("no_such_code", fallback="printing_error") == expected
        assert messages.message("paper_jam") == messages.message("paper_jam").rstrip()
        assert messages.ask_staff() not in messages.message("paper_jam")
    finally:
        i18n.install("zh_CN")


def test_an_unknown_code_gets_the_generic_message_not_the_code(qapp):
    i18n.install("en")
    try:
        text = messages.message("something_new")
        assert "something_new" not in text and text.endswith(messages.ASK_STAFF)
    finally:
        i18n.install("zh_CN")


def test_no_screen_asks_for_staff_in_its_own_words():
    """Outside the catalogue only a button may name the action ("Finish and ask staff")."""
    buttons = {"Finish and ask staff"}
    own_words = []
    for ts in sorted((ROOT / "kiosk" / "i18n").glob("*_en.ts")):
        if ts.name.startswith("kiosk.messages"):
            continue
        own_words += [(ts.name, source) for source in
                      (entry.findtext("source") for entry in ET.parse(ts).getroot().iter("message"))
                      if re.search(r"\bask\b[^.;]*\bstaff\b", source, re.IGNORECASE)
                      and source not in buttons]
    assert own_words == []
