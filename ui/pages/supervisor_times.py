"""Ticket → case → receipt on the supervisor page: the period's averages, per item and per
clerk, and the slowest visits (minutes from taking the ticket), as the database summed them up."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QLabel, QTableWidget, QTableWidgetItem, QWidget

from hallapp.domain.clock import hall_clock
from hallapp.services.dashboard_summary import Times
from hallapp.services.visit_times import TimesSummary


def _m(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


class TimesPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overall = QLabel(objectName="hint")
        self.overall.setWordWrap(True)
        summary_headers = [self.tr("Visits"), self.tr("→ call"), self.tr("→ case saved"), self.tr("→ receipt"),
                           self.tr("90 % → receipt"), self.tr("Receipts printed")]
        self.per_item = self._table("timesPerItem", [self.tr("Item")] + summary_headers)
        self.per_clerk = self._table("timesPerClerk", [self.tr("Clerk")] + summary_headers)
        self.slowest = self._table("timesSlowest", [self.tr("Ticket"), self.tr("Taken"), self.tr("Item"), self.tr("Clerk"),
                                                    self.tr("→ call"), self.tr("→ case saved"), self.tr("→ receipt"),
                                                    self.tr("Case")])
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.overall, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("Per item (minutes from the ticket)"), objectName="panelTitle"), 1, 0)
        grid.addWidget(QLabel(self.tr("Per clerk"), objectName="panelTitle"), 1, 1)
        grid.addWidget(self.per_item, 2, 0)
        grid.addWidget(self.per_clerk, 2, 1)
        grid.addWidget(QLabel(self.tr("Slowest visits"), objectName="panelTitle"), 3, 0, 1, 2)
        grid.addWidget(self.slowest, 4, 0, 1, 2)

    @staticmethod
    def _table(name: str, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers), objectName=name)
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        return table

    @staticmethod
    def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.resizeColumnsToContents()

    @staticmethod
    def _summary_row(s: TimesSummary) -> list[str]:
        return [s.label, str(s.visits), _m(s.avg_to_call), _m(s.avg_to_case), _m(s.avg_to_receipt),
                _m(s.p90_to_receipt), str(s.printed)]

    def show_times(self, times: Times) -> None:
        total = times.overall
        self.overall.setText(self.tr(
            "{visits} visits with a case: on average {call} min to the call, {case} min to the case saved, "
            "{receipt} min to the receipt printed (90 % within {p90} min).").format(
            visits=total.visits, call=_m(total.avg_to_call), case=_m(total.avg_to_case),
            receipt=_m(total.avg_to_receipt), p90=_m(total.p90_to_receipt)))
        self._fill(self.per_item, [self._summary_row(s) for s in times.per_item])
        self._fill(self.per_clerk, [self._summary_row(s) for s in times.per_clerk])
        self._fill(self.slowest, [[v.ticket, hall_clock().format(v.issued_at, "%m-%d %H:%M"), v.item_name, v.clerk,
                                   _m(v.to_call_min), _m(v.to_case_min), _m(v.to_receipt_min), v.case_number]
                                  for v in times.slowest])
