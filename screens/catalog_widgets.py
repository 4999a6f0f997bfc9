"""Widgets shared by the catalog screens: a touchable item row and a list of them."""
from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout

from kiosk import i18n
from kiosk.catalog import ServiceItem
from screens.widgets import Scroll, button, label

PAGE = 40   # rows rendered at a time: building thousands of widgets would stall a frame
KEEP = 2 * PAGE   # rows kept for reuse between lists


class ItemRow(QPushButton):
    """One item's touchable row; set_item() points it at another item, so lists reuse rows."""

    def __init__(self, item: ServiceItem, on_click: Callable[[ServiceItem], None],
                 department: str = ""):
        super().__init__()
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.NoFocus)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Minimum)
        col = QVBoxLayout(self)
        col.setContentsMargins(20, 14, 20, 14)
        col.setSpacing(4)
        # styled by the theme's item-row rules: a style sheet per label costs a polish each, and
        # a department lists 40 rows at a time
        self.name = QLabel()
        self.name.setWordWrap(True)
        self.name.setObjectName("ItemName")
        self.meta = QLabel()
        self.meta.setObjectName("Small")
        for part in (self.name, self.meta):
            part.setAttribute(Qt.WA_TransparentForMouseEvents, True)
            part.setAlignment(Qt.AlignLeft | Qt.AlignVCenter)
            col.addWidget(part)
        self._on_click = on_click
        self.clicked.connect(self._picked)
        self.set_item(item, department)

    def set_item(self, item: ServiceItem, department: str = "") -> None:
        self.item = item
        self.name.setText(item.title(i18n.current_language()))
        self.meta.setText(f"{department or item.department}  ·  {item.impl_code}")
        self.setAccessibleName(item.name)

    def _picked(self, _checked: bool = False) -> None:
        self._on_click(self.item)

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setHeight(self.layout().sizeHint().height())
        return hint


class ItemList(Scroll):
    """Rows for a list of items, PAGE at a time with a "show more" button at the end.

    Rows are kept and reused from one list to the next (a department, a search keystroke), so
    browsing builds no widgets once the longest list has been shown; only the first screenful is
    filled before the list is painted, the rest of the page on the event loop's next turn."""

    FIRST = 12     # rows that fill a portrait screen; the others follow right after the paint

    def __init__(self, on_pick: Callable[[ServiceItem], None]):
        super().__init__()
        self.on_pick = on_pick
        self.items: Sequence[ServiceItem] = ()
        self.shown = 0
        self.more_text = "…"
        self.department_title: Callable[[ServiceItem], str] = lambda item: item.department
        self._rows: list[ItemRow] = []           # every row made so far, in list order
        self._more = button("", "", self._render_more)
        self._more.hide()
        self._filling = 0                        # which show_items() a deferred fill belongs to
        self.body.addWidget(self._more)
        self.body.addStretch(1)

    def show_items(self, items: Sequence[ServiceItem], more_text: str) -> None:
        """more_text is the caption of the "show more" button; %1 becomes the number left."""
        self.items = items
        self.more_text = more_text
        self._filling += 1
        for row in self._rows[:self.shown]:
            row.hide()
        # "show more" pressed through a long list leaves many rows: keep a page's worth or two
        for row in self._rows[KEEP:]:
            self.body.removeWidget(row)
            row.deleteLater()
        del self._rows[KEEP:]
        self.shown = 0
        self._more.hide()
        self._fill(min(len(items), self.FIRST), then=min(len(items), PAGE))
        self.verticalScrollBar().setValue(0)

    def _render_more(self) -> None:
        self._fill(min(len(self.items), self.shown + PAGE))

    def _fill(self, end: int, then: int = 0) -> None:
        for index in range(self.shown, end):
            item = self.items[index]
            if index < len(self._rows):
                row = self._rows[index]
                row.set_item(item, self.department_title(item))
            else:
                row = ItemRow(item, self.on_pick, self.department_title(item))
                self.body.insertWidget(index, row)
                self._rows.append(row)
            row.show()
        self.shown = max(self.shown, end)
        if then > self.shown:
            filling = self._filling
            QTimer.singleShot(0, self, lambda: self._fill(then) if filling == self._filling
                              else None)
            return
        left = len(self.items) - self.shown
        self._more.setText(self.more_text.replace("%1", str(left)))
        self._more.setVisible(left > 0)


def count_label() -> QLabel:
    return label("", "Muted")
