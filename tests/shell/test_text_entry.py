"""The text-entry widget with Qt Virtual Keyboard: Pinyin with a candidate bar, digits where asked.

Qt picks its input method when the QApplication is made, so this module asks for Qt Virtual
Keyboard at import (collection comes before the first test makes the application), as the kiosk
does in screens/app.py."""
from __future__ import annotations

from screens.text_entry import enable_input_method

enable_input_method()

import pytest  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtWidgets import QVBoxLayout, QWidget  # noqa: E402

from screens.text_entry import HINTS, TextEntry, keyboard_panel  # noqa: E402


@pytest.fixture
def form(qtbot):
    page = QWidget()
    col = QVBoxLayout(page)
    name = TextEntry("Name")
    phone = TextEntry("Phone", kind="phone")
    col.addWidget(name)
    col.addWidget(phone)
    keyboard_panel().attach(col)
    qtbot.addWidget(page)
    page.resize(1080, 1000)
    page.show()
    qtbot.waitExposed(page)
    yield page, name, phone
    keyboard_panel().setParent(None)      # the panel outlives the page, as it does the screens


def focus(qtbot, entry: TextEntry) -> None:
    entry.focus()
    qtbot.waitUntil(lambda: entry.box.hasFocus() and keyboard_panel().isVisible())


def test_the_keyboard_is_qt_virtual_keyboard_with_pinyin(qtbot, form):
    _page, name, _phone = form
    focus(qtbot, name)
    panel = keyboard_panel()
    # the input method is chosen on the event loop after the focus arrives; without
    # QT_IM_MODULE=qtvirtualkeyboard before the QApplication it never is
    qtbot.waitUntil(panel.ready, timeout=3000)
    assert "PinyinInputMethod" in panel.input_method()
    assert panel.height() > 250      # big keys: the panel keeps the keys' proportions at 1080 px


@pytest.mark.parametrize("keys, word", [("beijing", "北京"), ("hukou", "户口")])
def test_typing_pinyin_and_choosing_a_candidate_enters_the_chinese_word(qtbot, form, keys, word):
    _page, name, _phone = form
    focus(qtbot, name)
    assert keyboard_panel().type_keys(keys).replace(" ", "").replace("'", "") == keys
    qtbot.waitUntil(lambda: word in keyboard_panel().candidates())
    keyboard_panel().choose(word)
    qtbot.waitUntil(lambda: name.value() == word)
    assert keyboard_panel().preedit() == ""


def test_words_add_up_in_the_field(qtbot, form):
    _page, name, _phone = form
    focus(qtbot, name)
    for keys, word in (("hukou", "户口"), ("qianyi", "迁移")):
        keyboard_panel().type_keys(keys)
        qtbot.waitUntil(lambda w=word: w in keyboard_panel().candidates())
        keyboard_panel().choose(word)
    qtbot.waitUntil(lambda: name.value() == "户口迁移")


def test_a_phone_field_takes_digits_straight_from_the_keys(qtbot, form):
    _page, _name, phone = form
    focus(qtbot, phone)
    assert phone.box.inputMethodHints() == HINTS["phone"]
    keyboard_panel().type_keys("13800138000")
    qtbot.waitUntil(lambda: phone.value() == "13800138000")
    assert keyboard_panel().candidates() == []


def test_the_problem_is_said_next_to_the_field(qtbot, form):
    _page, name, _phone = form
    name.set_problem("Please enter your name")
    assert name.problem.isVisible() and name.problem.text() == "Please enter your name"
    name.set_problem("")
    assert not name.problem.isVisible()
