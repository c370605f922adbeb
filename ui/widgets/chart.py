"""A bar chart (Qt Charts) whose every bar opens the rows behind it, by mouse or by keys:
Tab reaches the chart, Left/Right (and Up/Down between series) pick a bar, Enter opens it.
A horizontal chart (long names: items, evaluation levels) has its names on the left, the first
on top; Up/Down move between its bars too, and hovering a bar shows its whole name and value."""

from __future__ import annotations

import html
import math

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarSeries,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QKeyEvent, QPainter, QResizeEvent
from PySide6.QtWidgets import QGraphicsSimpleTextItem, QToolTip, QWidget

PICKED = QColor("#d97706")  # the bar the keys are on: the same amber as the page's focus ring
MAX_INTERVALS = 5  # more ticks than this crowd a quarter of the page
MUTED = QColor("#9ca3af")  # a comparison series (earlier weeks) stands back from the figures themselves
VALUE_INK = QColor("#1f2937")  # a bar's value stands above it on the white plot: Qt's default ink is white
BAR_SHARE = 0.5  # QBarSeries' default bar width, as a part of a category's width
ROW_SHARE = 0.7  # a horizontal bar's thickness, as a part of its row: thick enough to carry its value
MIN_NAME_CHARS = 12  # a name on the left is never cut shorter than this ("基本医疗保险关系转移接续")
NAME_INK = QColor("#3d4b59")  # the names left of horizontal bars, as dark as the axis' own labels
NAME_GAP = 6  # px between a name and the plot
HORIZONTAL_FRAME = 60  # px of a horizontal chart's height not given to its rows: title, value axis, margins
NAME_SHARE = 0.5  # names on the left take at most this part of the chart's width (beyond MIN_NAME_CHARS)
STACK_CHARS = 4  # a name written downwards under its bars ("欧阳娜娜"); longer ones end in "…" (hover shows it)
ROTATED_WIDTH = 90  # px: a Latin name turned upright under its bars is cut past this ("Wang Fang" whole)


def _nice_steps(limit: int) -> list[int]:
    """Whole steps of 1, 2, 2.5 and 5 times a power of ten, up to the first at or past `limit`."""
    steps, power = [1, 2, 5], 10
    while steps[-1] < limit:
        steps += [power, 2 * power, 5 * power // 2, 5 * power]
        power *= 10
    return steps


def nice_range(need: float, along: float, tick_room: float) -> tuple[int, int]:
    """(end, step) of a value axis: ticks at a nice step (1, 2, 2.5 or 5 times a power of ten), at most
    MAX_INTERVALS of them, `tick_room` px apart along `along` px; the axis ends at the first multiple
    of a finer nice step at or past `need` (5500 for 5162, ticks 0, 2500, 5000), not at the next tick
    (10000): the longest bar then uses the plot. Two labelled intervals at least where the room allows."""
    need = max(1, math.ceil(need))
    steps = _nice_steps(need)
    candidates = []
    for step in steps:
        fine = max([s for s in steps if s <= step / 4] or [1])
        end = math.ceil(need / fine) * fine
        intervals = end // step
        if 1 <= intervals <= MAX_INTERVALS and along * step / end >= tick_room:
            candidates.append((intervals < 2, end, -step))
    if not candidates:
        return need, need
    _, end, step = min(candidates)
    return end, -step


def _is_cjk(text: str) -> bool:
    return any("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


class BarChart(QChartView):
    """`show_bars(categories, {series name: values}, keys, words)`; `bar_activated(series index, key)` on a
    pick. `words` name each key where the key itself is no word (a bucket index); `muted_last` greys
    the last series (a comparison)."""

    bar_activated = Signal(int, object)

    def __init__(self, title: str, parent: QWidget | None = None, *, horizontal: bool = False) -> None:
        super().__init__(parent)
        self.title = title
        self.horizontal = horizontal
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
        self.bars: QAbstractBarSeries | None = None
        self.few = False  # few enough bars that each may carry its value
        self.name_items: list[QGraphicsSimpleTextItem] = []  # a horizontal chart's names, left of its bars
        self.name_texts: list[str] = []
        self.source: tuple = ([], {}, [], [], False)  # what show_bars was given; a horizontal chart shows the first that fit
        self.label_from_end = False
        self.every_name = False  # names that say whose a bar is (clerks): none skipped, written downwards if need be
        self.plotted = False
        self.shown_title = title
        self.stacked = False  # the names are ours, under the bars, downwards (a Chinese name) or turned upright
        self.setChart(QChart())

    def show_bars(self, categories: list[str], series: dict[str, list[float]], keys: list[object] | None = None,
                  words: list[str] | None = None, *, muted_last: bool = False, label_from_end: bool = False,
                  every_name: bool = False) -> None:
        """`label_from_end`: when only every k-th bar can be named, the last one is (an open-ended "60+").
        `every_name`: every bar is named (people: every second name says nothing of the others); names
        that do not fit side by side are written under their bars downwards."""
        keys = list(keys if keys is not None else categories)
        self.source = (list(categories), dict(series), keys,
                       list(words) if words is not None else [str(k) for k in keys], muted_last)
        self.label_from_end, self.every_name = label_from_end, every_name
        self._build(self._fitting())

    def _small(self) -> QFont:
        small = self.font()
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.8))
        return small

    def _fitting(self) -> int:
        """How many bars a horizontal chart shows: one name a line, the first (largest) ones; a name
        on a row thinner than its line would be drawn as "…" by Qt Charts."""
        total = len(self.source[0])
        if not self.horizontal:
            return total
        line = QFontMetrics(self._small()).height() + 2
        return max(1, min(total, int((self.height() - HORIZONTAL_FRAME) / line)))

    def _build(self, count: int) -> None:
        categories, series, keys, words, muted_last = self.source
        total = len(categories)
        categories, keys, words = categories[:count], keys[:count], words[:count]
        self.name_items, self.stacked = [], False  # the old chart's names go with it
        self.plotted = False  # until setChart, self.chart() is the old chart
        series = {name: values[:count] for name, values in series.items()}
        chart = QChart()
        self.shown_title = self.title if count >= total else self.tr("{title} (first {shown} of {total})").format(
            title=self.title, shown=count, total=total)
        chart.setTitle(self.shown_title)
        chart.legend().setVisible(len(series) > 1)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.setMargins(chart.margins().__class__(2, 2, 2, 2))
        bars = QHorizontalBarSeries() if self.horizontal else QBarSeries()
        if self.horizontal:
            bars.setBarWidth(ROW_SHARE)
        self.sets = []
        for index, (name, values) in enumerate(series.items()):
            bar_set = QBarSet(name)
            bar_set.append([float(v) for v in values])
            bar_set.setLabelColor(VALUE_INK)
            if muted_last and index == len(series) - 1:
                bar_set.setColor(MUTED)
            bar_set.clicked.connect(lambda column, s=index: self._activate(s, column))
            bar_set.hovered.connect(lambda over, column, s=index: self._hovered(over, s, column))
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
        x_axis.setReverse(self.horizontal)  # the first (largest) name on top, as a list reads
        self.categories, self.x_axis = list(categories or [""]), x_axis
        top = max([max(v, default=0) for v in series.values()] + [1])
        self.top, self.y_axis = top, y_axis
        y_axis.setLabelFormat("%d")  # whole-number ticks: counts are never fractions (averages sit between)
        small = self._small()
        for axis in (x_axis, y_axis):
            axis.setLabelsFont(small)
        self._label(small)
        self._ticks(small)
        self._values(small)
        chart.legend().setFont(small)
        names_at, values_at = Qt.AlignmentFlag.AlignBottom, Qt.AlignmentFlag.AlignLeft
        if self.horizontal:
            names_at, values_at = values_at, names_at
        chart.addAxis(x_axis, names_at)
        chart.addAxis(y_axis, values_at)
        bars.attachAxis(x_axis)
        bars.attachAxis(y_axis)
        old = self.chart()
        self.plotted = True
        self.setChart(chart)
        if not self.horizontal:  # a new chart is laid out without a plotAreaChanged: read its plot once it is
            QTimer.singleShot(0, chart, self._laid_out)
        old.deleteLater()
        if self.horizontal:
            x_axis.setLabelsVisible(False)
            self.name_items = [QGraphicsSimpleTextItem(chart) for _ in categories]
            for item in self.name_items:
                item.setFont(small)
                item.setBrush(NAME_INK)
            chart.plotAreaChanged.connect(self._place_names)
            self._label(small)
        else:  # the plot's real height is known once laid out: the ticks and our names follow it
            chart.plotAreaChanged.connect(self._laid_out)
            if self.every_name:
                self.name_items = [QGraphicsSimpleTextItem(chart) for _ in categories]
                for item in self.name_items:
                    item.setFont(small)
                    item.setBrush(NAME_INK)
                self._label(small)
        self.keys, self.words = keys, words
        self.picked = None
        self.setAccessibleName(self.title)

    def _label(self, font: QFont | None = None) -> None:
        """Label the bars that fit the chart's width: every k-th one when all of them would be cut to
        "…" (a narrow chart of 10 hours); a picked bar's title still names it in full."""
        axis = self.x_axis
        if axis is None:
            return
        metrics = QFontMetrics(font if font is not None else axis.labelsFont())
        if self.horizontal:  # our own names (Qt Charts cuts a long axis label to "..."), the margin makes room
            self.name_texts = [self.name_label(c, metrics) for c in self.categories]
            left = max((metrics.horizontalAdvance(t) for t in self.name_texts), default=0) + NAME_GAP + 4
            top = QFontMetrics(self.chart().titleFont()).height() + 10  # the title keeps the whole width
            self.chart().setPlotArea(QRectF(left, top, max(20, self.width() - left - 26),  # half the last tick "5000"
                                            max(20, self.height() - top - metrics.height() - 18)))
            self._place_names()
            return
        widest = max(metrics.horizontalAdvance(c) for c in self.categories) + 8
        step, texts = max(1, math.ceil(widest / self._room())), self.categories
        if self.every_name and self.name_items:  # names side by side, or every one of them under its bars
            self._stack(step > 1, metrics)
            if self.stacked:
                return
        shown = list(range((len(texts) - 1) % step if self.label_from_end else 0, len(texts), step))
        wanted = list(zip(self._unique([texts[i] for i in shown]), shown, strict=True))
        if [(label, axis.endValue(label)) for label in axis.categoriesLabels()] == wanted:
            return
        for label in axis.categoriesLabels():
            axis.remove(label)
        for text, index in wanted:
            axis.append(text, index)
        self.x_step = step

    def _stack(self, stacked: bool, metrics: QFontMetrics) -> None:
        """Names under the bars, one per bar, written downwards (a Chinese name, character below
        character) or turned upright (a Latin one). The legend's own row (≈ 40 px) would leave the bars
        no height: the series are named in the title instead, each after a square of its colour."""
        chart, self.stacked = self.chart(), stacked
        self.x_axis.setLabelsVisible(not stacked)
        chart.legend().setVisible(len(self.sets) > 1 and not stacked)
        keys = " ".join(f'<span style="color:{s.color().name()}">■</span>{html.escape(s.label())}' for s in self.sets)
        title = f'{html.escape(self.shown_title)} <span style="font-size:small">{keys}</span>'
        chart.setTitle(title if stacked and len(self.sets) > 1 else self.shown_title)
        self.name_texts = [self._downwards(c, metrics) if stacked else "" for c in self.categories]
        extent = 0.0
        for item, text in zip(self.name_items, self.name_texts, strict=False):
            item.setText(text)
            item.setVisible(stacked)
            upright = stacked and not _is_cjk(text)
            item.setRotation(-90 if upright else 0)
            box = item.boundingRect()
            extent = max(extent, box.width() if upright else box.height())
        margins = chart.margins()
        bottom = int(extent) + 6 if stacked else 2
        if margins.bottom() != bottom:
            margins.setBottom(bottom)
            chart.setMargins(margins)
        self._place_names()

    @staticmethod
    def _downwards(name: str, metrics: QFontMetrics) -> str:
        """A Chinese name one character a line (past STACK_CHARS it ends in "…"); a Latin name whole,
        cut past ROTATED_WIDTH px, to be turned upright."""
        if not _is_cjk(name):
            return metrics.elidedText(name, Qt.TextElideMode.ElideRight, ROTATED_WIDTH)
        chars = list(name) if len(name) <= STACK_CHARS else [*name[:STACK_CHARS - 1], "…"]
        return "\n".join(chars)

    def _laid_out(self, *_area: object) -> None:
        self._place_names()
        self._ticks()

    def _place_names(self, *_area: object) -> None:
        """Each name right-aligned before the plot, on the middle of its bar; or under its bars."""
        if self.bars is None:
            return
        if not self.horizontal:
            self._place_under()
            return
        chart, left = self.chart(), self.chart().plotArea().left()
        for index, (item, text) in enumerate(zip(self.name_items, self.name_texts, strict=False)):
            item.setText(text)
            middle = chart.mapToPosition(QPointF(0, index), self.bars).y()
            box = item.boundingRect()
            item.setPos(left - NAME_GAP - box.width(), middle - box.height() / 2)

    def _place_under(self) -> None:
        """The names written downwards, each centred under its group of bars."""
        if not self.stacked:
            return
        chart = self.chart()
        bottom = chart.plotArea().bottom() + 3
        for index, item in enumerate(self.name_items):
            middle = chart.mapToPosition(QPointF(index, 0), self.bars).x()
            box = item.boundingRect()
            if item.rotation():  # turned about its top-left corner: its width now runs upwards
                item.setPos(middle - box.height() / 2, bottom + box.width())
            else:
                item.setPos(middle - box.width() / 2, bottom)

    def _room(self) -> float:
        """The space one category gets along the names' axis (px): the value axis, title and margins
        take ≈ 60 px of a vertical chart's width, HORIZONTAL_FRAME of a horizontal chart's height."""
        along = self.height() - HORIZONTAL_FRAME if self.horizontal else self.width() - 60
        return max(1.0, along / max(1, len(self.categories)))

    def name_label(self, name: str, metrics: QFontMetrics) -> str:
        """A name on the left in full, or cut with "…" past NAME_SHARE of the width, never below
        MIN_NAME_CHARS characters (hovering its bar shows it whole)."""
        floor = metrics.horizontalAdvance(name[:MIN_NAME_CHARS] + "…")
        return metrics.elidedText(name, Qt.TextElideMode.ElideRight, max(floor, int(self.width() * NAME_SHARE)))

    @staticmethod
    def _unique(texts: list[str]) -> list[str]:
        """QCategoryAxis keys its labels by text: two names cut alike would lose one of them."""
        seen: set[str] = set()
        out = []
        for text in texts:
            while text in seen:
                text += "\u200b"
            seen.add(text)
            out.append(text)
        return out

    def _values(self, font: QFont | None = None) -> None:
        """Values above the bars only while each fits its bar: wider ones run into the next bar."""
        if self.bars is None:
            return
        metrics = QFontMetrics(font if font is not None else self.x_axis.labelsFont() if self.x_axis else self.font())
        room = self._room()
        if self.horizontal:  # a value beside its bar: one line must fit the bar's thickness
            thickness = room * ROW_SHARE / max(1, len(self.sets))
            self.bars.setLabelsVisible(self.few and metrics.height() <= thickness + 4)
            return
        bar = room * BAR_SHARE / max(1, len(self.sets))
        gap = room * (1 - BAR_SHARE) if len(self.sets) == 1 else 0.0  # several series' bars touch: "5348"
        widest = max((metrics.horizontalAdvance(f"{s.at(i):g}") for s in self.sets for i in range(s.count())), default=0)
        self.bars.setLabelsVisible(self.few and widest + 4 <= bar + gap)

    def _ticks(self, font: QFont | None = None) -> None:
        """Whole-number ticks, as many as stand apart, up to a nice number just above the longest bar
        and the room its value needs beside (or above) it: bars that use the plot, not 40 % of it."""
        axis = self.y_axis
        if axis is None:
            return
        metrics = QFontMetrics(font if font is not None else axis.labelsFont())
        if self.horizontal:  # ticks along the width, beside the names (the plot _label sets)
            names = max((metrics.horizontalAdvance(t) for t in self.name_texts), default=0)
            along = max(40.0, self.width() - names - NAME_GAP - 4 - 26)
            ink = QFontMetrics(self.sets[0].labelFont()) if self.sets else metrics  # the value's own font
            value = ink.horizontalAdvance(f"{self.top:g}") + 12  # Qt draws a value that does not fit inside its bar
            need = self.top * along / max(1.0, along - value)
            tick_room = metrics.horizontalAdvance(str(math.ceil(need))) + 10
        else:  # the laid-out plot's height; before that, title, legend and names take ≈ 110 px
            area = self.chart().plotArea() if self.plotted else QRectF()
            along = area.height() if area.height() > 20 else max(20.0, self.height() - 110)
            value = metrics.height() + 4
            need = max(self.top * 1.15, self.top * along / max(1.0, along - value))
            tick_room = metrics.height() * 1.6
        upper, step = nice_range(need, along, tick_room)
        if axis.max() != upper or axis.tickInterval() != step:  # ticks from 0 by step: the end need not be one
            axis.setTickType(QValueAxis.TickType.TicksDynamic)
            axis.setTickAnchor(0)
            axis.setTickInterval(step)
            axis.setRange(0, upper)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if self.horizontal and self.source[0] and self._fitting() != len(self.categories):
            self._build(self._fitting())  # taller or shorter: more or fewer rows
            return
        self._label()
        self._ticks()
        self._values()

    def bar_words(self, series: int, key: object) -> str:
        """The bar in words: its key (or the key's words), and the series when there are several."""
        column = self.keys.index(key) if key in self.keys else -1
        name = self.words[column] if 0 <= column < len(self.words) else str(key)
        return f"{self.sets[series].label()} {name}" if len(self.sets) > 1 and series < len(self.sets) else name

    def _hovered(self, over: bool, series: int, column: int) -> None:
        """The whole name and value of the bar under the mouse (names on the left may be cut)."""
        if over and 0 <= column < len(self.keys):
            QToolTip.showText(QCursor.pos(), f"{self.bar_words(series, self.keys[column])}: {self.sets[series].at(column):g}",
                              self)
        else:
            QToolTip.hideText()

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
        if self.horizontal and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):  # the bars stand one below the other
            key = Qt.Key.Key_Right if key == Qt.Key.Key_Down else Qt.Key.Key_Left
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Left):
            self.pick(series, column + (1 if key == Qt.Key.Key_Right else -1) if self.picked else 0)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.picked:
            self.pick(series + (1 if key == Qt.Key.Key_Down else -1), column)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.picked:
            self._activate(*self.picked)
        else:
            super().keyPressEvent(event)
