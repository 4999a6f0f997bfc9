"""Document capture (高拍仪) for application materials: live preview with the page outline, capture,
page thumbnails, retake or remove a page, then all pages become one PDF.

enter(material="...", next=None, **params): material names what to lay down; with next, the PDF is
left in the session as "materials_pdf" (a bytearray, zeroed at session end) and the screen goes on.
"""
from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import QBoxLayout, QHBoxLayout, QPushButton, QVBoxLayout

from kiosk import messages
from screens.base import Screen, register_screen
from screens.camera_view import CameraView, LiveCamera, ResultRelay
from screens.tasks import run_in_background
from screens.widgets import Banner, button, label

THUMB = QSize(96, 136)


@register_screen
class DocumentCaptureScreen(Screen):
    name = "document_capture"

    def __init__(self, ctx, nav):
        super().__init__(ctx, nav)
        self.material = ""
        self.next: tuple[str | None, dict] = (None, {})
        self.batch = None
        self.selected: int | None = None
        self.busy = False
        self.finished = False
        self.relay = ResultRelay()
        self.relay.result.connect(self._on_outline)
        self.relay.error.connect(self._on_error)

        self.prompt = label("", "Heading")
        self.prompt.setAlignment(Qt.AlignCenter)
        self.view = CameraView("document")
        self.live = LiveCamera(ctx, "document", self.view, self.relay)
        self.banner = Banner("info")
        self.strip = QHBoxLayout()
        self.strip.setSpacing(12)
        self.capture_button = button("", "primary", self._capture)
        self.remove_button = button("", "", self._remove)
        self.done_button = button("", "", self._done)
        # portrait: preview above, pages and buttons below; landscape: pages and buttons beside
        self.body = QBoxLayout(QBoxLayout.TopToBottom)
        self.side = QVBoxLayout()
        self.actions = QBoxLayout(QBoxLayout.LeftToRight)
        for b in (self.capture_button, self.remove_button, self.done_button):
            self.actions.addWidget(b)
        self.pages_label = label("", "Small")
        self.side.addWidget(self.pages_label)
        self.side.addLayout(self.strip)
        self.side.addWidget(self.banner)
        self.side.addLayout(self.actions)
        self.side.addStretch(1)             # takes the room of the preview once it is hidden
        self.body.addWidget(self.view, 3)
        self.body.addLayout(self.side, 0)
        self.layout_.addWidget(self.prompt)
        self.layout_.addLayout(self.body, 1)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        landscape = self.landscape
        self.body.setDirection(QBoxLayout.LeftToRight if landscape else QBoxLayout.TopToBottom)
        self.body.setStretch(1, 2 if landscape else 0)
        self.actions.setDirection(QBoxLayout.TopToBottom if landscape else QBoxLayout.LeftToRight)

    # -- shell contract --------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Scan your documents")

    def enter(self, material: str = "", next: str | None = None, **params) -> None:
        self.material = material
        self.next = (next, params)
        service = self.ctx.services.camera
        if self.batch is not None:
            self.batch.wipe()
        self.batch = service.new_document_batch() if service else None
        self.selected = None
        self.finished = False
        self._refresh_strip()
        self._start()
        self.retranslate()

    def leave(self) -> None:
        self._stop()
        self._clear_strip()             # the page thumbnails are the citizen's documents

    def _clear_strip(self) -> None:
        while self.strip.count():
            item = self.strip.takeAt(0)
            if item.widget() is not None:     # hidden now: deleteLater waits for the event loop
                item.widget().hide()
                item.widget().deleteLater()

    def retranslate(self) -> None:
        what = self.material or self.tr("your document")
        self.prompt.setText(self.tr("Lay %1 flat under the camera, one page at a time").replace("%1", what))
        self.remove_button.setText(self.tr("Remove page"))
        self.done_button.setText(self.tr("Done"))
        self.view.message = self.tr("Starting the document camera…")
        self._render()

    # -- camera ----------------------------------------------------------------------------------
    def _start(self) -> None:
        # the outline only guides the citizen; it is found on whatever frame is newest
        outline = lambda image: self.ctx.services.camera.page_outline(image)   # noqa: E731
        if not self.live.start(outline):
            self.banner.set("error", messages.message("document_camera_unavailable"))
            return
        self._render()

    def _stop(self) -> None:
        self.live.stop()

    def _on_outline(self, corners) -> None:
        self.view.page_corners = corners
        self.view.update()

    def _on_error(self, _exc) -> None:
        self._stop()
        self.banner.set("error", messages.message("document_camera_unavailable"))

    # -- pages -----------------------------------------------------------------------------------
    def _capture(self) -> None:
        if self.busy or self.live.worker is None or self.batch is None:
            return
        frame = self.live.worker.latest()
        if frame is None:
            return
        image = frame.image.copy()
        index = self.selected
        batch = self.batch
        self.busy = True
        self._render()

        def work():
            return batch.retake(index, image) if index is not None else batch.add(image)

        run_in_background(work, self._captured, self._capture_failed)

    def _captured(self, page) -> None:
        self.busy = False
        self.selected = None
        self._refresh_strip()
        if not page.found_outline:
            self.banner.set("warn", self.tr("We could not see the edges of the page. If the picture "
                                            "is cut off, select it and take it again."))
        else:
            self.banner.set("ok", self.tr("Page added. Lay the next page down, or touch Done."))
        self._render()

    def _capture_failed(self, _exc) -> None:
        self.busy = False
        self.banner.set("error", self.tr("That page could not be processed. Please try again."))
        self._render()

    def _select(self, index: int) -> None:
        self.selected = None if self.selected == index else index
        self._refresh_strip()
        self._render()

    def _remove(self) -> None:
        if self.selected is None or self.batch is None:
            return
        self.batch.remove(self.selected)
        self.selected = None
        self._refresh_strip()
        self._render()

    def _done(self) -> None:
        if self.batch is None or not self.batch.pages or self.busy:
            return
        pdf = bytearray(self.batch.pdf())
        self.ctx.session.put("materials_pdf", pdf)
        self.ctx.session.put("materials_pages", len(self.batch.pages))
        name, params = self.next
        if name:
            self.nav.go(name, **params)
            return
        self._stop()
        self.finished = True
        self.banner.set("ok", self.tr("Pages ready to submit: %1").replace(
            "%1", str(len(self.batch.pages))))
        self._render()

    def _refresh_strip(self) -> None:
        self._clear_strip()
        for index, page in enumerate(self.batch.pages if self.batch else []):
            thumb = QImage.fromData(bytes(page.thumbnail), "JPG")
            tile = QPushButton()
            tile.setCheckable(True)
            tile.setChecked(index == self.selected)
            tile.setIcon(QIcon(QPixmap.fromImage(thumb)))
            tile.setIconSize(THUMB)
            tile.setFixedSize(THUMB + QSize(24, 24))
            tile.setAccessibleName(self.tr("Page %1").replace("%1", str(index + 1)))
            tile.setStyleSheet("QPushButton:checked { border: 6px solid #c8102e; }")
            tile.clicked.connect(lambda _c=False, i=index: self._select(i))
            self.strip.addWidget(tile)
        self.strip.addStretch(1)

    def _render(self) -> None:
        pages = len(self.batch.pages) if self.batch else 0
        self.view.setVisible(not self.finished)
        self.pages_label.setText(self.tr("Pages: %1. Touch a page to take it again or remove it.")
                                 .replace("%1", str(pages)) if pages else "")
        if self.selected is not None:
            self.capture_button.setText(self.tr("Take page %1 again").replace(
                "%1", str(self.selected + 1)))
        else:
            self.capture_button.setText(self.tr("Take picture"))
        self.capture_button.setEnabled(not self.busy and not self.finished and self.live.worker is not None)
        self.capture_button.setVisible(not self.finished)
        self.remove_button.setVisible(self.selected is not None and not self.finished)
        self.done_button.setVisible(pages > 0 and not self.finished)
