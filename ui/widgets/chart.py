"""A bar chart (Qt Charts) whose every bar opens the rows behind it, by mouse or by keys:
Tab reaches the chart, Left/Right (and Up/Down between series) pick a bar, Enter opens it."""

from __future__ import annotations

import math

from PySide6.QtCharts import QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import QWidget

PICKED = QColor("#d97706")  # the bar the keys are on: the same amber as the page's focus ring


class BarChart(QChartView):
    """`show_bars(categories, {series name: values}, keys)`; `bar_activated(series index, key)` on a pick."""

    bar_activated = Signal(int, object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(150)
        self.sets: list[QBarSet] = []
        self.keys: list[object] = []
        self.picked: tuple[int, int] | None = None
        self.setChart(QChart())

    def show_bars(self, categories: list[str], series: dict[str, list[int]], keys: list[object] | None = None) -> None:
        chart = QChart()
        chart.setTitle(self.title)
        chart.legend().setVisible(len(series) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(chart.margins().__class__(2, 2, 2, 2))
        bars = QBarSeries()
        self.sets = []
        for index, (name, values) in enumerate(series.items()):
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in values])
            bar_set.clicked.connect(lambda column, s=index: self._activate(s, column))
            bars.append(bar_set)
            self.sets.append(bar_set)
        bars.setLabelsVisible(True)
        bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(bars)
        x_axis, y_axis = QBarCategoryAxis(), QValueAxis()
        x_axis.append(categories or [""])
        top = max([max(v, default=0) for v in series.values()] + [1])
        upper = max(1, math.ceil(top * 1.15))  # room for the value above the highest bar
        y_axis.setLabelFormat("%d")
        if upper <= 5:
            y_axis.setRange(0, upper)
            y_axis.setTickCount(upper + 1)  # whole numbers only: counts are never fractions
        else:
            y_axis.setRange(0, upper)
            y_axis.applyNiceNumbers()
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x_axis)
        bars.attachAxis(y_axis)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()
        self.keys = list(keys if keys is not None else categories)
        self.picked = None
        self.setAccessibleName(self.title)

    def _activate(self, series: int, column: int) -> None:
        if 0 <= column < len(self.keys):
            self.bar_activated.emit(series, self.keys[column])

    def pick(self, series: int, column: int) -> None:
        """Move the keyboard's bar: it turns amber, and the chart's title says its value."""
        if not self.sets or not self.keys:
            return
        if self.picked is not None:
            self.sets[self.picked[0]].deselectAllBars()
        series, column = series % len(self.sets), column % len(self.keys)
        self.picked = (series, column)
        self.sets[series].setSelectedColor(PICKED)
        self.sets[series].selectBar(column)
        value = int(self.sets[series].at(column))
        self.chart().setTitle(f"{self.title} — {self.sets[series].label()} {self.keys[column]}: {value}"
                              if len(self.sets) > 1 else f"{self.title} — {self.keys[column]}: {value}")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        series, column = self.picked or (0, -1)
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.pick(series, column + (1 if key == Qt.Key.Key_Right else -1) if self.picked else 0)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.picked:
            self.pick(series + (1 if key == Qt.Key.Key_Down else -1), column)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.picked:
            self._activate(*self.picked)
        else:
            super().keyPressEvent(event)
