"""A bar chart (Qt Charts) whose every bar opens the rows behind it, by mouse or by keys:
Tab reaches the chart, Left/Right (and Up/Down between series) pick a bar, Enter opens it."""

from __future__ import annotations

import math

from PySide6.QtCharts import QBarSeries, QBarSet, QCategoryAxis, QChart, QChartView, QValueAxis
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QWidget

PICKED = QColor("#d97706")  # the bar the keys are on: the same amber as the page's focus ring
STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10**4, 10**5, 10**6)
MUTED = QColor("#9ca3af")  # a comparison series (earlier weeks) stands back from the figures themselves
VALUE_INK = QColor("#1f2937")  # a bar's value stands above it on the white plot: Qt's default ink is white
BAR_SHARE = 0.5  # QBarSeries' default bar width, as a part of a category's width


class BarChart(QChartView):
    """`show_bars(categories, {series name: values}, keys, words)`; `bar_activated(series index, key)` on a
    pick. `words` name each key where the key itself is no word (a bucket index); `muted_last` greys
    the last series (a comparison)."""

    bar_activated = Signal(int, object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumHeight(150)
        self.sets: list[QBarSet] = []
        self.keys: list[object] = []
        self.words: list[str] = []
        self.picked: tuple[int, int] | None = None
        self.categories: list[str] = []
        self.x_axis: QCategoryAxis | None = None
        self.y_axis: QValueAxis | None = None
        self.top = 1.0
        self.x_step = 0  # every x_step-th bar is labelled
        self.bars: QBarSeries | None = None
        self.few = False  # few enough bars that each may carry its value
        self.setChart(QChart())

    def show_bars(self, categories: list[str], series: dict[str, list[float]], keys: list[object] | None = None,
                  words: list[str] | None = None, *, muted_last: bool = False) -> None:
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
            bar_set.setLabelColor(VALUE_INK)
            if muted_last and index == len(series) - 1:
                bar_set.setColor(MUTED)
            bar_set.clicked.connect(lambda column, s=index: self._activate(s, column))
            bars.append(bar_set)
            self.sets.append(bar_set)
        self.few = sum(len(v) for v in series.values()) <= 12  # more would overlap: the keys say each value
        bars.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        self.bars = bars
        chart.addSeries(bars)
        # bar i stands at x = i; the labels sit on those values, only as many as fit (see _label)
        x_axis, y_axis = QCategoryAxis(), QValueAxis()
        x_axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        x_axis.setRange(-0.5, max(1, len(categories)) - 0.5)
        x_axis.setStartValue(-0.5)
        x_axis.setGridLineVisible(False)
        self.categories, self.x_axis = list(categories or [""]), x_axis
        top = max([max(v, default=0) for v in series.values()] + [1])
        self.top, self.y_axis = top, y_axis
        y_axis.setLabelFormat("%d")  # whole-number ticks: counts are never fractions (averages sit between)
        small = self.font()
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        for axis in (x_axis, y_axis):
            axis.setLabelsFont(small)
        self._label(small)
        self._ticks(small)
        self._values(small)
        chart.legend().setFont(small)
        chart.addAxis(x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y_axis, Qt.AlignmentFlag.AlignLeft)
        bars.attachAxis(x_axis)
        bars.attachAxis(y_axis)
        old = self.chart()
        self.setChart(chart)
        old.deleteLater()
        self.keys = list(keys if keys is not None else categories)
        self.words = list(words) if words is not None else [str(k) for k in self.keys]
        self.picked = None
        self.setAccessibleName(self.title)

    def _label(self, font: QFont | None = None) -> None:
        """Label the bars that fit the chart's width: every k-th one when all of them would be cut to
        "…" (a narrow chart of 10 hours); a picked bar's title still names it in full."""
        axis = self.x_axis
        if axis is None:
            return
        metrics = QFontMetrics(font if font is not None else axis.labelsFont())
        room = max(1.0, (self.width() - 60) / max(1, len(self.categories)))  # the value axis, margins: ≈ 60 px
        widest = max(metrics.horizontalAdvance(c) for c in self.categories) + 8
        step = max(1, math.ceil(widest / room))
        if step == self.x_step and len(axis.categoriesLabels()) == len(range(0, len(self.categories), step)):
            return
        for label in axis.categoriesLabels():
            axis.remove(label)
        for index in range(0, len(self.categories), step):
            axis.append(self.categories[index], index)
        self.x_step = step

    def _values(self, font: QFont | None = None) -> None:
        """Values above the bars only while each fits its bar: wider ones run into the next bar."""
        if self.bars is None:
            return
        metrics = QFontMetrics(font if font is not None else self.x_axis.labelsFont() if self.x_axis else self.font())
        room = max(1.0, (self.width() - 60) / max(1, len(self.categories)))
        bar = room * BAR_SHARE / max(1, len(self.sets))
        widest = max((metrics.horizontalAdvance(f"{s.at(i):g}") for s in self.sets for i in range(s.count())), default=0)
        self.bars.setLabelsVisible(self.few and widest <= bar + 4)

    def _ticks(self, font: QFont | None = None) -> None:
        """Whole-number ticks, as many as the height lets stand apart (more would all read "…")."""
        axis = self.y_axis
        if axis is None:
            return
        line = QFontMetrics(font if font is not None else axis.labelsFont()).height() * 1.6
        intervals = max(1, min(5, int((self.height() - 110) / line)))  # title, legend, axis take ≈ 110 px
        upper = max(1, math.ceil(self.top * 1.15))  # room for the value above the highest bar
        step = next(s for s in STEPS if upper <= intervals * s or s == STEPS[-1])
        upper = math.ceil(upper / step) * step
        axis.setRange(0, upper)
        axis.setTickCount(upper // step + 1)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._label()
        self._ticks()
        self._values()

    def bar_words(self, series: int, key: object) -> str:
        """The bar in words: its key (or the key's words), and the series when there are several."""
        column = self.keys.index(key) if key in self.keys else -1
        name = self.words[column] if 0 <= column < len(self.words) else str(key)
        return f"{self.sets[series].label()} {name}" if len(self.sets) > 1 and series < len(self.sets) else name

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
        value = f"{self.sets[series].at(column):g}"
        self.chart().setTitle(f"{self.title} — {self.bar_words(series, self.keys[column])}: {value}")

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
