"""Settings page (admin): this counter, the hall, and every setting of `hallapp config`, each with
its meaning; a value is validated and saved as `hallapp config set` does, and the page says when
it takes effect.

Keys: type to find a setting, Down/Enter to the list, Enter to edit the selected one, Enter to
save, Esc back to the list; Alt+T the ticket categories this counter calls.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallapp.bootstrap import AppContext
from hallapp.config import (
    ENV_OVERRIDES,
    Settings,
    SettingsError,
    check_value,
    flat_items,
    is_hall_wide,
    load_settings,
    set_value,
)
from hallapp.domain.changes import Area
from hallapp.domain.queue import QueueError
from hallapp.services import hall, queue
from hallapp.services.staff import StaffSession
from ui.idle import IdleWatcher
from ui.pages import settings_words as words
from ui.tasks import Task
from ui.widgets.titles import panel_title

OK_COLOUR, BAD_COLOUR = "#137333", "#b42318"  # the stylesheet's statusOk / error


class CounterMissingError(ValueError):
    """counter.number names a counter the hall does not have (it would fail only at F1)."""

    def __init__(self, number: int, counters: tuple[int, ...]) -> None:
        super().__init__(number)
        self.number, self.counters = number, counters


@dataclass(frozen=True)
class _Loaded:
    settings: Settings
    info: hall.HallInfo | None
    letters: tuple[str, ...] | None  # what this PC's counter calls; None if the hall lacks it


def _load(ctx: AppContext) -> _Loaded:
    settings = load_settings(ctx.home.settings_file)  # the file's values, not the demo's in-memory ones
    info = hall.hall_info(ctx.db)
    letters = None
    if info is not None:
        plans = {p.number: p.letters for p in queue.counter_plans(ctx.db, info.id)}
        letters = plans.get(settings.counter.number)
    return _Loaded(settings, info, letters)


def _save(ctx: AppContext, key: str, text: str, actor: str) -> Settings:
    """Worker: the hall's counters are asked before counter.number is written."""
    if key == "counter.number" and text.strip().isdigit():
        info = hall.hall_info(ctx.db)
        if info is not None and int(text) not in info.counters:
            raise CounterMissingError(int(text), info.counters)
    if is_hall_wide(key) and not ctx.db.is_sqlite:
        # On a shared database a hall-wide key lives there, for every counter; the file's copy would be ignored.
        value = check_value(ctx.home.settings_file, key, text)
        hall.set_hall_wide(ctx.db, key, value, actor)
        return load_settings(ctx.home.settings_file)
    return set_value(ctx.home.settings_file, key, text)


class _EditorKeys(QObject):
    """Enter saves and Esc returns to the list, whichever editor has the focus."""

    def __init__(self, page: SettingsPage) -> None:
        super().__init__(page)
        self.page = page

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.KeyPress:
            return False
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.page.save_current()
            return True
        if event.key() == Qt.Key.Key_Escape:
            self.page.back_to_list()
            return True
        return False


class SettingsPage(QWidget):
    def __init__(self, ctx: AppContext, session: StaffSession, idle: IdleWatcher | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.session, self.idle = ctx, session, idle
        self.loaded: _Loaded | None = None
        self.hall_label = QLabel(objectName="hallSummary")
        self.hall_label.setWordWrap(True)
        self._build_categories()
        self._build_table()
        self._build_editor()
        self.message = QLabel(objectName="settingsMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Settings"), objectName="pageTitle"))
        layout.addWidget(panel_title(self.tr("Hall and counter")))
        layout.addWidget(self.hall_label)
        layout.addLayout(self.categories_row)
        layout.addWidget(panel_title(self.tr("Settings of this PC")))
        layout.addLayout(self.find_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.editor_box)
        layout.addWidget(self.message)
        QShortcut(QKeySequence("Ctrl+F"), self, self.find.setFocus, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- building -------------------------------------------------------------------------------

    def _build_categories(self) -> None:
        self.categories = QLineEdit(objectName="categoriesEdit")
        self.categories.setPlaceholderText(self.tr("letters in calling order, e.g. A,B"))
        self.categories.returnPressed.connect(self.save_categories)
        label = QLabel(self.tr("Ticket ca&tegories this counter calls"))
        label.setBuddy(self.categories)
        save = QPushButton(self.tr("Save categories"), objectName="saveCategories")
        save.clicked.connect(self.save_categories)
        self.categories_row = QHBoxLayout()
        for widget in (label, self.categories, save):
            self.categories_row.addWidget(widget)
        self.categories_row.addStretch(1)

    def _build_table(self) -> None:
        self.find = QLineEdit(objectName="settingsFind")
        self.find.setPlaceholderText(self.tr("type part of a setting or its meaning, e.g. idle"))
        self.find.textChanged.connect(self._filter)
        self.find.returnPressed.connect(self._to_table)
        self.find.installEventFilter(self)
        label = QLabel(self.tr("&Find setting (Ctrl+F)"))
        label.setBuddy(self.find)
        self.find_row = QHBoxLayout()
        self.find_row.addWidget(label)
        self.find_row.addWidget(self.find, 1)
        self.table = QTableWidget(0, 4, objectName="settingsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Setting"), self.tr("Value"), self.tr("Meaning"),
                                              self.tr("Takes effect")])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _index: self.edit_current())
        self.table.currentCellChanged.connect(lambda row, *_: self._show_editor(row))

    def _build_editor(self) -> None:
        self.key_label = QLabel(objectName="panelTitle")
        self.text_editor = QLineEdit(objectName="settingValue")
        self.choice_editor = QComboBox(objectName="settingChoice")
        self.editors = QStackedWidget()
        self.editors.addWidget(self.text_editor)
        self.editors.addWidget(self.choice_editor)
        self.editors.setMaximumHeight(self.text_editor.sizeHint().height() + 8)
        keys = _EditorKeys(self)
        self.text_editor.installEventFilter(keys)
        self.choice_editor.installEventFilter(keys)
        value_label = QLabel(self.tr("&Value"))
        value_label.setBuddy(self.text_editor)
        self.save_button = QPushButton(self.tr("Save (Enter)"), objectName="primary")
        self.save_button.clicked.connect(self.save_current)
        self.editor_box = QHBoxLayout()
        self.editor_box.addWidget(self.key_label)
        self.editor_box.addWidget(value_label)
        self.editor_box.addWidget(self.editors, 1)
        self.editor_box.addWidget(self.save_button)

    # --- showing --------------------------------------------------------------------------------

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.refresh()

    def take_focus(self) -> None:
        self.find.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        ctx = self.ctx
        Task(self, lambda: _load(ctx)).on_success(self._show).on_failure(self._load_failed).run()

    def _load_failed(self, exc: BaseException) -> None:
        self._say_error(self.tr("The settings could not be read: {problem}. Correct or remove settings.toml, "
                                "then open this page again.").format(problem=exc))

    def _show(self, loaded: _Loaded) -> None:
        self.loaded = loaded
        self._show_hall(loaded)
        current = self._current_key()
        items = flat_items(loaded.settings)
        self.table.setRowCount(len(items))
        for row, (key, value, description) in enumerate(items):
            effect = words.effect_words(words.effect_of(key))
            if os.environ.get(ENV_OVERRIDES.get(key, "")):
                effect = self.tr("overridden by {name} in this session").format(name=ENV_OVERRIDES[key])
            shown = self.tr("(set with hallapp config)") if words.is_secret(key) else words.shown_value(value)
            for column, text in enumerate((key, shown, words.meaning_of(key, description), effect)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnToContents(0)
        self.table.setColumnWidth(1, 200)
        self.table.setColumnWidth(3, 230)  # the meaning takes the rest
        self.table.resizeRowsToContents()
        self._filter(self.find.text())
        self._select_key(current)

    def _show_hall(self, loaded: _Loaded) -> None:
        info, number = loaded.info, loaded.settings.counter.number
        if info is None:
            self.hall_label.setText(self.tr("This database has no hall yet."))
            return
        counters = ", ".join(str(n) for n in info.counters)
        self.hall_label.setText(self.tr(
            "{name} · hall code {code} · {region} ({region_code}) · counters {counters} · this PC is counter "
            "{number}. The hall's name, code and region are set once at set-up.").format(
            name=info.name, code=info.code, region=info.region_name, region_code=info.region_code,
            counters=counters, number=number))
        self.categories.setText(",".join(loaded.letters or ()))
        self.categories.setEnabled(loaded.letters is not None)

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        for row in range(self.table.rowCount()):
            cells = [self.table.item(row, c).text().lower() for c in range(3) if self.table.item(row, c)]
            self.table.setRowHidden(row, bool(needle) and not any(needle in cell for cell in cells))

    def _visible_rows(self) -> list[int]:
        return [r for r in range(self.table.rowCount()) if not self.table.isRowHidden(r)]

    def _current_key(self) -> str | None:
        item = self.table.item(self.table.currentRow(), 0) if self.table.currentRow() >= 0 else None
        return item.text() if item else None

    def _select_key(self, key: str | None) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).text() == key:
                self.table.setCurrentCell(row, 1)
                return

    def _show_editor(self, row: int) -> None:
        key = self.table.item(row, 0).text() if row >= 0 and self.table.item(row, 0) else None
        self.key_label.setText(key or "")
        if key is None or self.loaded is None:
            return
        read_only = words.is_secret(key)
        choices = words.choices_of(key)
        value = self.table.item(row, 1).text()
        if choices:
            self.choice_editor.clear()
            for choice in choices:
                self.choice_editor.addItem(choice, choice)
            self.choice_editor.setCurrentIndex(max(0, self.choice_editor.findData(value)))
            self.editors.setCurrentWidget(self.choice_editor)
        else:
            self.text_editor.setText("" if read_only else value)
            self.editors.setCurrentWidget(self.text_editor)
        for widget in (self.text_editor, self.choice_editor, self.save_button):
            widget.setEnabled(not read_only)

    # --- keys -----------------------------------------------------------------------------------

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if obj is self.find and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Down:
            self._to_table()
            return True
        return super().eventFilter(obj, event)

    def _to_table(self) -> None:
        rows = self._visible_rows()
        if not rows:
            return
        if self.table.currentRow() not in rows:
            self.table.setCurrentCell(rows[0], 1)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def edit_current(self) -> None:
        editor = self.editors.currentWidget()
        if editor.isEnabled():
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            if editor is self.text_editor:
                self.text_editor.selectAll()
        else:
            self._say_error(words.meaning_of(self._current_key() or "", ""))

    def back_to_list(self) -> None:
        self._show_editor(self.table.currentRow())  # drop what was typed
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- saving ---------------------------------------------------------------------------------

    def _typed_value(self) -> str:
        if self.editors.currentWidget() is self.choice_editor:
            return str(self.choice_editor.currentData())
        return self.text_editor.text()

    def save_current(self) -> None:
        key = self._current_key()
        if key is None or words.is_secret(key):
            return
        text = self._typed_value()
        problem = words.value_problem(key, text)
        if problem:
            self._say_error(problem)
            return
        ctx, actor = self.ctx, self.session.username
        Task(self, lambda: _save(ctx, key, text, actor)).changes(Area.SETTINGS, Area.AUDIT).on_success(
            lambda settings: self._saved(key, settings)).on_failure(self._refused).run()

    def _saved(self, key: str, settings: Settings) -> None:
        effect = words.effect_of(key)
        section, name = key.split(".")
        if effect is words.Effect.NOW:
            setattr(getattr(self.ctx.settings, section), name, getattr(getattr(settings, section), name))
            if key == "security.idle_lock_minutes":
                self._apply_idle(settings.security.idle_lock_minutes)
        self._say(words.saved_words(effect))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.refresh()
        if effect is words.Effect.MENU:
            window = self.window()
            if hasattr(window, "set_language"):  # the window's own switch rebuilds the pages, this one too
                QTimer.singleShot(0, lambda: window.set_language(settings.ui.language))

    def _apply_idle(self, minutes: int) -> None:
        if self.idle is None:
            return
        self.idle.limit_s = minutes * 60
        if minutes > 0:
            self.idle.timer.start()
        else:
            self.idle.timer.stop()
        self.idle.resume()

    def _refused(self, exc: BaseException) -> None:
        if isinstance(exc, CounterMissingError):
            counters = ", ".join(str(n) for n in exc.counters)
            self._say_error(self.tr("Not saved: this hall has counters {counters}, no counter {number}. Type one of "
                                    "them, or add counters first (hallapp counters add N).").format(
                counters=counters, number=exc.number))
        elif isinstance(exc, SettingsError):
            reason = str(exc).removeprefix("refused: ")
            self._say_error(self.tr("Not saved: {reason}. Correct the value as its meaning says and press Enter "
                                    "again.").format(reason=reason))
        else:
            self._say_error(self.tr("Not saved: settings.toml could not be written ({problem}). Check that the "
                                    "home folder is writable and try again.").format(problem=type(exc).__name__))

    def save_categories(self) -> None:
        if self.loaded is None or self.loaded.info is None:
            return
        db, hall_id, actor = self.ctx.db, self.loaded.info.id, self.session.username
        number, letters = self.loaded.settings.counter.number, self.categories.text().split(",")
        Task(self, lambda: queue.set_counter_categories(db, hall_id, actor, number, letters)).changes(
            Area.QUEUE, Area.SETTINGS, Area.AUDIT).on_success(
            lambda plan: self._say(self.tr("Saved. Counter {number} calls {letters} from the next call (F1) on.").format(
                number=plan.number, letters=",".join(plan.letters)))).on_failure(self._categories_refused).run()

    def _categories_refused(self, exc: BaseException) -> None:
        if isinstance(exc, QueueError):
            self._say_error(self.tr("Not saved: {reason}. Type the category letters separated by commas, e.g. "
                                    "A,B.").format(reason=exc))
        else:
            self._say_error(self.tr("Not saved: the hall's database could not be reached. Try again in a moment."))

    def _say(self, text: str) -> None:
        self.message.setStyleSheet(f"color: {OK_COLOUR};")
        self.message.setText("✔ " + text)

    def _say_error(self, text: str) -> None:
        self.message.setStyleSheet(f"color: {BAD_COLOUR}; font-weight: 600;")
        self.message.setText("✖ " + text)
