"""The item's material checklist: the heart of the counter. Each line shows what is required,
what is key (a non-key material may be deferred under a commitment), the pages captured, and
its state with an icon and a word — never colour alone."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from hallapp.domain.cases import MaterialStatus
from hallapp.services.catalog import ChecklistLine, ItemChecklist


@dataclass
class LineState:
    line: ChecklistLine
    status: str = "pending"  # pending | captured | missing | incorrect
    pdf: bytes | None = field(default=None, repr=False)
    pages: int = 0
    material: object | None = field(default=None, repr=False)  # scanning.CapturedMaterial, for the page editor
    how_to_supply: str = ""


class ChecklistPanel(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item: ItemChecklist | None = None
        self.lines: list[LineState] = []
        self.title = QLabel(self.tr("No item chosen yet."), objectName="hint")
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 2, objectName="checklist")
        self.table.setHorizontalHeaderLabels([self.tr("Material"), self.tr("Pages")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)

    def show_item(self, item: ItemChecklist | None) -> None:
        self.item = item
        self.lines = [LineState(line) for line in item.lines] if item else []
        if item is None:
            self.title.setText(self.tr("No item chosen yet."))
        else:
            sample = " " + self.tr("(sample checklist)") if item.sample else ""
            self.title.setText(f"{item.name}{sample}")
        self._render()

    def _state_text(self, state: LineState) -> str:
        words = {
            "pending": "○ " + self.tr("not yet"), "captured": "✔ " + self.tr("received"),
            "missing": "✖ " + self.tr("missing"), "incorrect": "✖ " + self.tr("incorrect"),
        }
        if state.status == "missing" and not state.line.key and state.line.required:
            return "◐ " + self.tr("missing (may defer)")
        return words[state.status]

    def _requirement_text(self, line: ChecklistLine) -> str:
        need = self.tr("required") if line.required else self.tr("optional")
        key = self.tr("key") if line.key else self.tr("non-key")
        form = {"original": self.tr("original"), "copy": self.tr("copy"), "electronic": self.tr("electronic")}[line.form]
        return f"{line.name}\n{need} · {key} · {form}" + (f" · {line.note}" if line.note else "")

    def _render(self) -> None:
        current = self.table.currentRow()
        self.table.setRowCount(len(self.lines))
        for row, state in enumerate(self.lines):
            # State first, as icon and word, then what the material is: fits a narrow column.
            described = f"{self._state_text(state)}  {self._requirement_text(state.line)}"
            for col, text in enumerate((described, str(state.pages) if state.pages else "")):
                cell = QTableWidgetItem(text)
                cell.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, cell)
        self.table.resizeRowsToContents()
        if self.lines:
            self.table.selectRow(max(0, min(current, len(self.lines) - 1)))
        self.changed.emit()

    def selected(self) -> LineState | None:
        row = self.table.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def set_captured(self, pdf: bytes, pages: int, material: object | None = None, *, advance: bool = True) -> None:
        state = self.selected()
        if state:
            state.status, state.pdf, state.pages, state.how_to_supply = "captured", pdf, pages, ""
            state.material = material
            self._advance() if advance else self._render()

    def set_lacking(self, status: str, how_to_supply: str = "") -> None:
        state = self.selected()
        if state:
            state.status, state.pdf, state.pages, state.material = status, None, 0, None
            state.how_to_supply = how_to_supply or self.tr("Please bring: {name}").format(name=state.line.name)
            self._advance()

    def _advance(self) -> None:
        """After marking a line, move to the next one still open: the clerk keeps typing."""
        row = self.table.currentRow()
        following = [i for i in range(len(self.lines)) if i > row and self.lines[i].status == "pending"]
        self._render()
        if following:
            self.table.selectRow(following[0])

    def statuses(self) -> list[tuple[bool, bool, str]]:
        """(required, key, status) per line for the decision rules; pending counts as missing."""
        return [(s.line.required, s.line.key, MaterialStatus.MISSING if s.status == "pending" else s.status)
                for s in self.lines]

    def open_required(self) -> list[str]:
        return [s.line.name for s in self.lines if s.line.required and s.status == "pending"]
