"""Text entry without a hardware keyboard: a labelled field and Qt Virtual Keyboard in the kiosk window.

Names, addresses and complaints are Chinese, so fields take text through Qt Virtual Keyboard (it
ships in PySide6-Addons) with its Pinyin input method and candidate bar: the citizen types
"beijing" and touches 北京. Digit, phone, ID number and date fields ask the keyboard for its
digit or Latin layout through Qt's input method hints, so nobody has to switch layouts.

The keyboard is one QtQuick InputPanel in a QQuickWidget (KeyboardPanel): one per application,
because Qt Virtual Keyboard has one input context. A screen puts it under its fields with
`keyboard_panel().attach(layout)`; it is shown while a TextEntry has the focus.

`enable_input_method()` must run before the QApplication is made (the platform input context is
chosen then): screens/app.py and the walkthrough call it.
"""
from __future__ import annotations

import logging
import os

from PySide6.QtCore import QMetaObject, QObject, Qt, QUrl, Q_ARG, Q_RETURN_ARG, Signal
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from screens.widgets import label

log = logging.getLogger(__name__)
IMH = Qt.InputMethodHint

# how each field kind asks the keyboard for a layout (Qt.InputMethodHint); "text" is Chinese
HINTS = {
    "text": IMH.ImhNone,
    "digits": IMH.ImhDigitsOnly,
    "phone": IMH.ImhDialableCharactersOnly,
    "id_number": IMH.ImhPreferNumbers | IMH.ImhUppercaseOnly | IMH.ImhNoPredictiveText,
    "date": IMH.ImhDigitsOnly,     # typed as 20260131 or 2026-01-31: the dash is offered too
    "latin": IMH.ImhLatinOnly | IMH.ImhNoPredictiveText,
}

_PANEL_QML = b"""
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Rectangle {
    id: root
    color: "#f2f5f9"
    // the candidate bar is drawn above the keys when there are candidates: room is kept for it
    // so the screen above does not jump while the citizen types
    property real keyboardHeight: panel.keyboard.height + panel.keyboard.wordCandidateView.height
    implicitHeight: keyboardHeight
    InputPanel {
        id: panel
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
    }
    Component.onCompleted: {
        // Chinese first; the globe key switches to English letters
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
        VirtualKeyboardSettings.locale = "zh_CN"
    }
    function ready() { return InputContext.inputEngine.inputMethod !== null }
    function methodName() {
        var m = InputContext.inputEngine.inputMethod
        return m === null ? "" : m.toString()
    }
    function typeKeys(text) {
        for (var i = 0; i < text.length; i++) {
            var ch = text.charAt(i)
            InputContext.inputEngine.virtualKeyClick(ch.toUpperCase().charCodeAt(0), ch, 0)
        }
        return InputContext.preeditText
    }
    function candidates() {
        var model = InputContext.inputEngine.wordCandidateListModel
        var out = []
        for (var i = 0; i < model.count; i++)
            out.push(model.dataAt(i, 0))
        return out.join("\n")
    }
    function choose(index) {
        InputContext.inputEngine.wordCandidateListModel.selectItem(index)
    }
    function preedit() { return InputContext.preeditText }
}
"""


def enable_input_method() -> None:
    """Choose Qt Virtual Keyboard as the input method; call before the QApplication is made.

    Its desktop window is switched off, so the only keyboard is the one the kiosk places in its
    own window (a separate top-level window could open behind the fullscreen kiosk). The keyboard
    is drawn by Qt Quick's software renderer: kiosk PCs often have no working GPU driver, and a
    keyboard needs none."""
    os.environ.setdefault("QT_IM_MODULE", "qtvirtualkeyboard")
    os.environ.setdefault("QT_VIRTUALKEYBOARD_DESKTOP_DISABLE", "1")
    from PySide6.QtQuick import QQuickWindow, QSGRendererInterface
    QQuickWindow.setGraphicsApi(QSGRendererInterface.GraphicsApi.Software)


class KeyboardPanel(QWidget):
    """The on-screen keyboard (Qt Virtual Keyboard's InputPanel), one per application."""

    def __init__(self):
        super().__init__()
        from PySide6.QtQml import QQmlComponent
        from PySide6.QtQuickWidgets import QQuickWidget
        self.setObjectName("KeyboardPanel")
        self.view = QQuickWidget()
        # touching a key must leave the focus (and the text) in the field being typed into
        self.view.setFocusPolicy(Qt.NoFocus)
        self.view.setResizeMode(QQuickWidget.SizeRootObjectToView)
        url = QUrl("qrc:/kiosk/text_entry_panel.qml")
        component = QQmlComponent(self.view.engine())
        component.setData(_PANEL_QML, url)
        root = component.create()
        if root is None:
            errors = "; ".join(e.toString() for e in component.errors())
            raise RuntimeError(f"the on-screen keyboard did not load: {errors}")
        self.view.setContent(url, component, root)
        self._component = component      # the view does not own it: keep it alive with the panel
        self.root = root
        # InputPanel takes its height from its width; resizing the view while Qt Quick is in
        # the middle of laying the panel out stops it drawing, so the fit waits for the loop
        root.keyboardHeightChanged.connect(self._fit_later)
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.addWidget(self.view)
        self.hide()

    def _fit_later(self) -> None:
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, self, self._fit)

    def _fit(self) -> None:
        height = int(self.root.property("keyboardHeight") or 0)
        if height and self.view.height() != height:
            self.view.setFixedHeight(height)
            self.setFixedHeight(height)

    def attach(self, layout) -> None:
        """Move the keyboard under the given screen layout (the bottom of the screen)."""
        layout.addWidget(self)

    def _call(self, name: str, *args):
        return QMetaObject.invokeMethod(self.root, name, Q_RETURN_ARG("QVariant"),
                                        *[Q_ARG("QVariant", a) for a in args])

    # ---- what a technician, a test or the walkthrough asks of the keyboard ---------------------
    def ready(self) -> bool:
        """Whether Qt Virtual Keyboard is the application's input method (a field has had focus)."""
        return bool(self._call("ready"))

    def input_method(self) -> str:
        return str(self._call("methodName") or "")

    def type_keys(self, text: str) -> str:
        """Touch the keys for `text` (letters or digits) in order; returns the pinyin being composed."""
        return str(self._call("typeKeys", text) or "")

    def candidates(self) -> list[str]:
        joined = str(self._call("candidates") or "")
        return joined.split("\n") if joined else []

    def choose(self, word: str) -> None:
        """Touch `word` in the candidate bar."""
        found = self.candidates()
        if word not in found:
            raise ValueError(f"{word!r} is not among the candidates {found[:10]}")
        self._call("choose", found.index(word))

    def preedit(self) -> str:
        return str(self._call("preedit") or "")


_panel: KeyboardPanel | None = None


def keyboard_panel() -> KeyboardPanel:
    global _panel
    if _panel is None:
        _panel = KeyboardPanel()
    return _panel


class _FocusWatch(QObject):
    def __init__(self, entry: "TextEntry"):
        super().__init__(entry)
        self.entry = entry

    def eventFilter(self, obj, event) -> bool:
        from PySide6.QtCore import QEvent
        if event.type() == QEvent.FocusIn:
            panel = keyboard_panel()
            if panel.parent() is not None:
                panel.show()
                panel._fit_later()
            # the keyboard counts itself active (and shows its candidate bar) once the input
            # method is asked to show; a touch on the box asks, a focus given by code does not
            from PySide6.QtGui import QGuiApplication
            QGuiApplication.inputMethod().show()
            self.entry.focused.emit()
        return False


class TextEntry(QWidget):
    """One form field: its caption (with "required"), the box, its help and the problem with it.

    kind picks the keyboard layout (see HINTS). The entry shows what it is told: the flow judges
    the value and the screen calls set_problem() with the message next to the field."""
    edited = Signal(str)
    focused = Signal()

    def __init__(self, caption: str = "", kind: str = "text", max_length: int = 200):
        super().__init__()
        self.kind = kind
        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(6)
        self.caption = label(caption, "Heading")
        self.box = QLineEdit()
        self.box.setMaxLength(max_length)
        self.box.setInputMethodHints(HINTS.get(kind, IMH.ImhNone))
        self.box.setAttribute(Qt.WA_InputMethodEnabled, True)
        self.box.textChanged.connect(self.edited.emit)
        self.box.installEventFilter(_FocusWatch(self))
        self.help = label("", "Small")
        self.help.hide()
        self.problem = label("", "Problem")
        self.problem.setStyleSheet("color: #b00020; font-weight: bold;")
        self.problem.hide()
        col.addWidget(self.caption)
        col.addWidget(self.box)
        col.addWidget(self.help)
        col.addWidget(self.problem)

    def value(self) -> str:
        return self.box.text()

    def set_value(self, text: str) -> None:
        if text != self.box.text():
            self.box.blockSignals(True)
            self.box.setText(text)
            self.box.blockSignals(False)

    def set_caption(self, caption: str) -> None:
        """The caption as the screen words it (with "required" where the field is)."""
        self.caption.setText(caption)

    def set_help(self, text: str) -> None:
        self.help.setText(text)
        self.help.setVisible(bool(text))

    def set_problem(self, text: str) -> None:
        """The problem with what was typed, said next to the field ('' when there is none)."""
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self.box.setProperty("invalid", bool(text))

    def focus(self) -> None:
        self.box.setFocus(Qt.OtherFocusReason)
