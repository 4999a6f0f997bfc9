"""Widgets shared by the catalog screens: a touchable item row and a list of them."""
from __future__ import annotations

from typing import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout

from kiosk import i18n
from kiosk.catalog import ServiceItem
from screens.widgets import Scroll, button, label

PAGE = 40   # rows rendered at a time: building thousands of widgets would stall a frame


class ItemRow(QPushButton):
    def __init__(self, item: ServiceItem, on_click: Callable[[ServiceItem], None],
                 department: str = ""):
        super().__init__()
        self.item = item
        self.setProperty("role", "tile")
        self.setFocusPolicy(Qt.NoFocus)
        self.setSizePolicy(QSizePolicy.Expanding, QSizePolicy.Minimum)
        col = QVBoxLayout(self)
        col.setContentsMargins(20, 14, 20, 14)
        col.setSpacing(4)
        language = i18n.current_language()
        # styled by the theme's item-row rules: a style sheet per label costs a polish each, and
        # a department lists 40 rows at a time
        self.name = QLabel(item.title(language))
        self.name.setWordWrap(True)
        self.name.setObjectName("ItemName")
        self.meta = QLabel(f"{department or item.department}  ·  {item.impl_code}")
        self.meta.setObjectName("Small")
        for part in (self.name, self.meta):
            part.setAttribute(Qt.WA_TransparentForMouseEvents, True)
            part.setAlignment(Qt.AlignLeft | Qt.AlignVCenter)
            col.addWidget(part)
        self.setAccessibleName(item.name)
        self.clicked.connect(lambda _c=False: on_click(item))

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setHeight(self.layout().sizeHint().height())
        return hint


class ItemList(Scroll):
    """Rows for a list of items, PAGE at a time with a "show more" button at the end."""

    def __init__(self, on_pick: Callable[[ServiceItem], None]):
        super().__init__()
        self.on_pick = on_pick
        self.items: Sequence[ServiceItem] = ()
        self.shown = 0
        self.more_text = "…"
        self.department_title: Callable[[ServiceItem], str] = lambda item: item.department
        self._more: QPushButton | None = None

    def show_items(self, items: Sequence[ServiceItem], more_text: str) -> None:
        """more_text is the caption of the "show more" button; %1 becomes the number left."""
        self.items = items
        self.more_text = more_text
        self.clear()
        self.body.addStretch(1)
        self._more = None
        self.shown = 0
        self._render_more()
        self.verticalScrollBar().setValue(0)

    def _render_more(self) -> None:
        if self._more is not None:
            self.body.removeWidget(self._more)
            self._more.deleteLater()
            self._more = None
        end = min(len(self.items), self.shown + PAGE)
        for item in self.items[self.shown:end]:
            self.body.insertWidget(self.body.count() - 1, ItemRow(item, self.on_pick,
                                                                  self.department_title(item)))
        self.shown = end
        if self.shown < len(self.items):
            self._more = button(self.more_text.replace("%1", str(len(self.items) - self.shown)),
                                "", self._render_more)
            self.body.insertWidget(self.body.count() - 1, self._more)


def count_label() -> QLabel:
    return label("", "Muted")
