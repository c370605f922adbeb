"""A material's pages, read-only (QtPdf). The decrypted PDF lives only in memory, owned by the
dialog. With a confirm label it doubles as the check before a supplied material is recorded:
the clerk sees what was scanned, Enter records it, Esc drops it."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

ZOOM_STEP = 1.25


class MaterialViewer(QDialog):
    def __init__(self, title: str, pdf: bytes, parent: QWidget | None = None, *, confirm: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(900, 680)
        # Document and buffer are children of the dialog: they live exactly as long as the view.
        self.buffer = QBuffer(self)
        self.buffer.setData(QByteArray(pdf))
        self.buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.statusChanged.connect(self._update_page)
        self.view = QPdfView(self, objectName="materialPages")
        self.view.setPageMode(QPdfView.PageMode.SinglePage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setDocument(self.document)
        self.view.pageNavigator().currentPageChanged.connect(self._update_page)
        self.page_label = QLabel(objectName="hint")
        buttons = QHBoxLayout()
        for label, keys, slot in (
            (self.tr("Previous page PgUp"), "PgUp", lambda: self.turn(-1)),
            (self.tr("Next page PgDown"), "PgDown", lambda: self.turn(1)),
            (self.tr("Zoom in Ctrl++"), "Ctrl++", lambda: self.zoom(ZOOM_STEP)),
            (self.tr("Zoom out Ctrl+-"), "Ctrl+-", lambda: self.zoom(1 / ZOOM_STEP)),
            (self.tr("Fit Ctrl+0"), "Ctrl+0", self.fit),
        ):
            button = QPushButton(label)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys, not Tab stops: focus stays on the pages
            button.clicked.connect(slot)
            buttons.addWidget(button)
            QShortcut(QKeySequence(keys), self, activated=slot)
        QShortcut(QKeySequence("Ctrl+="), self, activated=lambda: self.zoom(ZOOM_STEP))  # + without Shift
        buttons.addStretch(1)
        close = QPushButton(self.tr("Cancel Esc") if confirm else self.tr("Close Esc"))
        close.clicked.connect(self.reject)
        buttons.addWidget(close)
        if confirm:
            ok = QPushButton(confirm, objectName="primary")
            ok.setDefault(True)
            ok.clicked.connect(self.accept)
            buttons.addWidget(ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.page_label)
        layout.addLayout(buttons)
        self.document.load(self.buffer)
        self.view.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # A progress dialog may just have closed: make sure the clerk's keys land here.
        self.activateWindow()
        self.view.setFocus()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.findChild(QPushButton, "primary"):
            return  # a plain viewer: Enter must not close it by accident
        super().keyPressEvent(event)

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def turn(self, delta: int) -> None:
        target = self.current_page() + delta
        if 0 <= target < self.page_count():
            self.view.pageNavigator().jump(target, QPointF(), 0)

    def zoom(self, factor: float) -> None:
        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(6.0, current * factor)))

    def fit(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)

    def _update_page(self, *_: object) -> None:
        if self.page_count():
            self.page_label.setText(self.tr("Page {n} of {total}").format(n=self.current_page() + 1,
                                                                          total=self.page_count()))
        elif self.document.status() == QPdfDocument.Status.Error:
            self.page_label.setText(self.tr("The pages cannot be shown: the file is not a readable PDF."))
