"""The ticket kiosk at the hall entrance: a touch screen (1080×1920 portrait or 1920×1080) where
applicants take a ticket (号票) per category, take a green-channel (绿色通道) ticket, or check in an
appointment (预约) by its code or by their ID card.

Every database call runs through `Task`; the window never waits. It needs no counter running,
shows nothing personal (numbers only) and goes back to its start screen on its own.
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from hallapp.bootstrap import AppContext
from hallapp.domain.changes import Area
from hallapp.domain.queue import QueueError, TicketView
from hallapp.services import queue
from hallapp.services.hall import HallInfo
from hallapp.services.queue import CategoryInfo
from ui.errors import describe
from ui.public import PublicScreen, restyle, set_px, text_label
from ui.tasks import Task

log = logging.getLogger(__name__)

START, GREEN, CHECKIN, CONFIRM = "start", "green", "checkin", "confirm"
DIGITS = "1234567890"
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
MAX_CODE = 20
TOUCH_CM = 2.0  # the smallest target a finger hits reliably
PRINT_WAIT_MAX_S = 30.0  # a printer that never answers does not keep the kiosk from the next person
RECHECK_S = 3.0  # how often the kiosk looks whether the database is back while it says it is not
SETTLE_S = 0.7  # after a page change, taps are ignored this long: they were aimed at the page before

def touch_px(widget: QWidget) -> int:
    """TOUCH_CM in device pixels on the screen the widget is on (at least 96: low-dpi TVs)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    dpi = screen.physicalDotsPerInch() if screen else 96.0
    return max(96, math.ceil(TOUCH_CM / 2.54 * dpi))


def _passive(label: QLabel) -> QLabel:
    """A label inside a button: the whole button takes the touch."""
    label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
    return label


class TapGuard(QObject):
    """Swallows taps on the buttons it watches for a moment after `arm()`: a tap meant for the page
    that has just gone (a double tap, or a tap as the kiosk returns on its own) does nothing."""

    TAPS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick,
            QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd)

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.seconds = seconds
        self.until = 0.0
        self.swallowed = 0

    def arm(self) -> None:
        self.until = time.monotonic() + self.seconds

    @property
    def armed(self) -> bool:
        return time.monotonic() < self.until

    def watch(self, widgets: list[QWidget]) -> None:
        for widget in widgets:
            widget.installEventFilter(self)  # installing twice keeps one filter

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in self.TAPS and self.armed:
            self.swallowed += 1
            return True
        return False


class CategoryButton(QPushButton):
    """A big card: the category letter, its Chinese name, and how many wait."""

    def __init__(self, info: CategoryInfo, green: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="greenCategoryButton" if green else "categoryButton")
        self.letter = info.letter
        self.setAccessibleName(f"{info.letter} {info.name}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.letter_label = _passive(text_label(info.letter, "categoryLetter", wrap=False))
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        self.name_label = _passive(text_label(info.name, "categoryName", left))
        self.waiting_label = _passive(text_label("", "categoryWaiting", left))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(24, 10, 24, 10)
        layout.setSpacing(24)
        layout.addWidget(self.letter_label)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addStretch(1)
        text.addWidget(self.name_label)
        text.addWidget(self.waiting_label)
        text.addStretch(1)
        layout.addLayout(text, 1)
        self.name = info.name

    def set_sizes(self, unit: float, min_height: int) -> None:
        set_px(self.letter_label, int(130 * unit), bold=True)
        set_px(self.name_label, int(64 * unit), bold=True)
        set_px(self.waiting_label, int(40 * unit))
        self.letter_label.setMinimumWidth(int(120 * unit))
        self.setMinimumHeight(max(min_height, int(150 * unit)))


class KioskWindow(PublicScreen):
    def __init__(self, ctx: AppContext, hall_info: HallInfo, print_ticket: Callable[[TicketView], None] | None = None,
                 parent: QWidget | None = None, *, confirm_s: float = 10.0, refresh_s: float = 5.0,
                 idle_return_s: float = 45.0, settle_s: float = SETTLE_S) -> None:
        super().__init__("kiosk", f"{hall_info.name} — {self.tr('Ticket kiosk')}", parent)
        self.ctx, self.hall, self.print_ticket = ctx, hall_info, print_ticket
        self.confirm_ms = int(confirm_s * 1000)
        self.categories: list[CategoryInfo] = []
        self.category_buttons: dict[str, CategoryButton] = {}
        self.green_buttons: dict[str, CategoryButton] = {}
        self.pad_keys: dict[str, QPushButton] = {}
        self.code = ""
        self.busy = False
        self.ticket: TicketView | None = None
        self._print_queue: deque[TicketView] = deque()
        self._printer_busy = False
        self._unprinted: set[int] = set()  # tickets waiting for the printer or being printed
        self._print_waits = 0
        self._print_deadline = 0.0
        self._loading = False
        self.outage_labels: set[QLabel] = set()  # banners that say the database is out
        self._landscape: bool | None = None
        self.tap_guard = TapGuard(settle_s, self)
        self._build()
        self.tap_guard.watch(self.findChildren(QPushButton))
        self.back_button.hide()  # the kiosk opens on its start page
        self.resize(1080, 1920)
        self.apply_sizes()

        self.confirm_timer = self.timer(self._confirm_elapsed, single=True)
        self.idle_timer = self.timer(self.go_start, int(idle_return_s * 1000), single=True)  # back to start
        self.refresh_timer = self.timer(self.refresh, int(refresh_s * 1000))
        self.refresh_timer.start()
        # While an outage banner is up the kiosk re-checks often, and takes the banner down itself.
        self.recheck_timer = QTimer(self)
        self.recheck_timer.setInterval(int(RECHECK_S * 1000))
        self.recheck_timer.timeout.connect(self.refresh)
        self.refresh()

    # -- building ------------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = self.outer_layout()
        header = QFrame(objectName="kioskHeader")
        header.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        header_layout = QHBoxLayout(header)
        header_layout.setContentsMargins(24, 12, 24, 12)
        # The way back lives in the header, on every page the same: never where a tile of the start
        # page is, so a tap that lands as the page changes cannot take a ticket.
        self.back_button = QPushButton(self.tr("Back to start"), objectName="kioskBack")
        self.back_button.clicked.connect(self.go_start)
        keep = self.back_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # the header keeps its height on the start page
        self.back_button.setSizePolicy(keep)
        self.hall_label = text_label(self.hall.name, "hallName")
        self._balance = QWidget()  # as wide as the button: the hall name stays centred
        header_layout.addWidget(self.back_button)
        header_layout.addWidget(self.hall_label, 1)
        header_layout.addWidget(self._balance)
        outer.addWidget(header)
        outer.addWidget(self.add_pages(((START, self._build_start), (GREEN, self._build_green),
                                        (CHECKIN, self._build_checkin), (CONFIRM, self._build_confirm))), 1)

    def _build_start(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 32, 40, 40)
        layout.setSpacing(24)
        self.start_title = text_label(self.tr("Choose a service to take a ticket"), "kioskTitle")
        layout.addWidget(self.start_title)
        self.start_error = text_label("", "kioskError")
        self.start_error.hide()
        layout.addWidget(self.start_error)
        self.start_body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.start_body.setSpacing(32)
        self.category_grid = QGridLayout()
        self.category_grid.setSpacing(24)
        self.start_body.addLayout(self.category_grid, 3)

        self.special = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.special.setSpacing(24)
        self.green_button = self._big_button(
            "greenChannel", self.tr("Green channel"),
            self.tr("For older people, people with disabilities, military families and others"))
        self.green_button.clicked.connect(self.open_green_channel)
        self.checkin_button = self._big_button(
            "appointment", self.tr("Appointment check-in"),
            self.tr("Enter your code or place your ID card on the reader"))
        self.checkin_button.clicked.connect(self.open_check_in)
        self.special.addWidget(self.green_button, 1)
        self.special.addWidget(self.checkin_button, 1)
        special_box = QVBoxLayout()
        special_box.setSpacing(12)
        self.special_caption = text_label(self.tr("Priority service and appointments"), "kioskHint")
        special_box.addWidget(self.special_caption)
        special_box.addLayout(self.special, 1)
        self.start_body.addLayout(special_box, 1)
        layout.addLayout(self.start_body, 1)
        return page

    def _big_button(self, name: str, title: str, hint: str) -> QPushButton:
        button = QPushButton(objectName=name)
        button.setAccessibleName(title)
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        box = QVBoxLayout(button)
        box.setContentsMargins(24, 16, 24, 16)
        box.addStretch(1)
        button.title_label = _passive(text_label(title, "bigButtonTitle"))
        button.hint_label = _passive(text_label(hint, "bigButtonHint"))
        box.addWidget(button.title_label)
        box.addWidget(button.hint_label)
        box.addStretch(1)
        return button

    def _build_green(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 32, 40, 40)
        layout.setSpacing(24)
        banner = QFrame(objectName="greenBanner")
        banner.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        banner_layout = QVBoxLayout(banner)
        banner_layout.setContentsMargins(24, 18, 24, 18)
        self.green_title = text_label(self.tr("Green channel — choose a service"), "kioskTitle")
        self.green_who = text_label(self.tr("For older people, people with disabilities, military families and others"),
                                "kioskHint")
        self.green_proof = text_label(self.tr("Please show the relevant certificate to the staff"), "greenProof")
        for label in (self.green_title, self.green_who, self.green_proof):
            banner_layout.addWidget(label)
        layout.addWidget(banner)
        self.green_error = text_label("", "kioskError")
        self.green_error.hide()
        layout.addWidget(self.green_error)
        self.green_grid = QGridLayout()
        self.green_grid.setSpacing(24)
        layout.addLayout(self.green_grid, 1)
        return page

    def _build_checkin(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(40, 32, 40, 40)
        layout.setSpacing(20)
        self.checkin_title = text_label(self.tr("Appointment check-in"), "kioskTitle")
        self.checkin_hint = text_label(self.tr("Enter your appointment code, or place your ID card on the reader"), "kioskHint")
        layout.addWidget(self.checkin_title)
        layout.addWidget(self.checkin_hint)
        # Portrait: code, message and pad one under the other; landscape: code and message beside the pad.
        self.checkin_body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.checkin_body.setSpacing(24)
        entry = QVBoxLayout()
        entry.setSpacing(16)
        self.code_label = text_label("", "codeDisplay", wrap=False)
        entry.addWidget(self.code_label)
        self.checkin_error = text_label("", "kioskError")
        self.checkin_error.hide()
        entry.addWidget(self.checkin_error)
        entry.addStretch(1)
        self.checkin_body.addLayout(entry, 2)
        self.checkin_body.addWidget(self._build_pad(), 5, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(self.checkin_body, 1)
        # Portrait: under the pad; landscape: under the code, beside the pad (the height is scarce).
        self.checkin_actions = QWidget()
        actions = QHBoxLayout(self.checkin_actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.setSpacing(16)
        clear = self._action(self.tr("Clear"), self.clear_code, "clear")
        self.checkin_submit = QPushButton(self.tr("Check in"), objectName="kioskPrimary")
        self.checkin_submit.clicked.connect(self.submit_code)
        actions.addWidget(clear, 2)
        actions.addWidget(self.checkin_submit, 3)
        self._checkin_page_layout, self._checkin_entry = layout, entry
        layout.addWidget(self.checkin_actions)
        self._show_code()
        return page

    def _build_pad(self) -> QWidget:
        self.pad = QStackedWidget()
        self.pad.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        digits, letters = QWidget(), QWidget()
        digit_grid, letter_grid = QGridLayout(digits), QGridLayout(letters)
        for grid in (digit_grid, letter_grid):
            grid.setSpacing(14)
            grid.setContentsMargins(0, 0, 0, 0)
        for index, key in enumerate("123456789"):
            digit_grid.addWidget(self._key(key), index // 3, index % 3)
        self.to_letters = self._action(self.tr("ABC"), lambda: self.pad.setCurrentIndex(1))
        digit_grid.addWidget(self.to_letters, 3, 0)
        digit_grid.addWidget(self._key("0"), 3, 1)
        digit_grid.addWidget(self._action(self.tr("Delete"), self.delete_key, "delete"), 3, 2)
        columns = 7
        for index, key in enumerate(LETTERS):
            letter_grid.addWidget(self._key(key), index // columns, index % columns)
        self.to_digits = self._action(self.tr("123"), lambda: self.pad.setCurrentIndex(0))
        letter_grid.addWidget(self.to_digits, 3, 5)
        letter_grid.addWidget(self._action(self.tr("Delete"), self.delete_key), 3, 6)
        self.pad.addWidget(digits)
        self.pad.addWidget(letters)
        return self.pad

    def _key(self, key: str) -> QPushButton:
        button = QPushButton(key, objectName="padKey")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.clicked.connect(lambda _=False, k=key: self.press_key(k))
        if key not in self.pad_keys:
            self.pad_keys[key] = button
        return button

    def _action(self, text: str, slot: Callable[[], None], name: str = "") -> QPushButton:
        button = QPushButton(text, objectName="padAction")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        button.clicked.connect(lambda _=False: (slot(), self._touched()))
        if name:
            self.pad_keys[name] = button
        return button

    def _build_confirm(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.setSpacing(24)
        card = QFrame(objectName="ticketCard")
        card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        # Portrait: one column; landscape: the number on the left, what to do next on the right.
        self.confirm_body = QBoxLayout(QBoxLayout.Direction.TopToBottom, card)
        self.confirm_body.setContentsMargins(32, 28, 32, 28)
        self.confirm_body.setSpacing(24)
        ticket, next_steps = QVBoxLayout(), QVBoxLayout()
        ticket.setSpacing(8)
        next_steps.setSpacing(16)
        self.your_number = text_label(self.tr("Your number"), "kioskHint")
        self.number_label = text_label("", "ticketNumber", wrap=False)
        self.category_label = text_label("", "ticketCategory")
        badges = QHBoxLayout()
        badges.setSpacing(16)
        badges.addStretch(1)
        self.green_badge = text_label(self.tr("Green channel"), "greenBadge", wrap=False)
        self.appointment_badge = text_label(self.tr("Appointment"), "appointmentBadge", wrap=False)
        badges.addWidget(self.green_badge)
        badges.addWidget(self.appointment_badge)
        badges.addStretch(1)
        self.ahead_label = text_label("", "ticketAhead")
        self.listen_label = text_label(self.tr("Please listen for your number to be called"), "ticketListen")
        self.confirm_proof = text_label(self.tr("Please show the relevant certificate to the staff"), "greenProof")
        self.print_label = text_label("", "printStatus")
        for widget in (self.your_number, self.number_label, self.category_label):
            ticket.addWidget(widget)
        ticket.addLayout(badges)
        next_steps.addStretch(1)
        for widget in (self.ahead_label, self.listen_label, self.confirm_proof, self.print_label):
            next_steps.addWidget(widget)
        next_steps.addStretch(1)
        self.confirm_body.addLayout(ticket, 1)
        self.confirm_body.addLayout(next_steps, 1)
        layout.addStretch(1)
        layout.addWidget(card)
        layout.addStretch(1)
        return page

    # -- sizes and orientation -------------------------------------------------------------------------

    def apply_sizes(self) -> None:
        width, height = max(1, self.width()), max(1, self.height())
        landscape = width > height
        unit = min(width, height) / 1080
        touch = touch_px(self)
        if landscape != self._landscape:
            self._landscape = landscape
            across, down = QBoxLayout.Direction.LeftToRight, QBoxLayout.Direction.TopToBottom
            self.start_body.setDirection(across if landscape else down)
            self.special.setDirection(down if landscape else across)
            self.checkin_body.setDirection(across if landscape else down)
            self.confirm_body.setDirection(across if landscape else down)
            self.checkin_body.setStretch(0, 2 if landscape else 0)  # portrait: the pad takes the height
            self._place_checkin_actions(landscape)
            self._place_categories()
        set_px(self.hall_label, int(54 * unit), bold=True)
        for label in (self.start_title, self.green_title, self.checkin_title):
            set_px(label, int(50 * unit), bold=True)
        for label in (self.start_error, self.green_error, self.checkin_error):
            set_px(label, int(40 * unit), bold=True)
        for label in (self.special_caption, self.green_who, self.checkin_hint):
            set_px(label, int(36 * unit))
        set_px(self.green_proof, int(40 * unit), bold=True)
        for button in (self.green_button, self.checkin_button):
            set_px(button.title_label, int(60 * unit), bold=True)
            set_px(button.hint_label, int(32 * unit))
            button.setMinimumHeight(max(touch, int(190 * unit)))
        for button in (*self.category_buttons.values(), *self.green_buttons.values()):
            button.set_sizes(unit, touch)
        set_px(self.code_label, int(96 * unit), bold=True)
        self.code_label.setMinimumHeight(int(150 * unit))
        key = max(touch, int((110 if landscape else 130) * unit))
        for button in self.pages[CHECKIN].findChildren(QPushButton):
            if button.objectName() in ("padKey", "padAction"):
                set_px(button, int((60 if button.objectName() == "padKey" else 40) * unit), bold=True)
                # Expanding keys fill the pad (a kiosk screen gives them `key` and more); the minimum lets
                # a small `--windowed` screen show the whole pad instead of cutting its last row off.
                button.setMinimumSize(int(key * 0.55), int(key * 0.55))
                button.setMaximumHeight(int(key * 1.4))
        self.pad.setMaximumWidth(int(1000 * unit))
        # Seven full keys across for the letters, where the window has the room (the pad is centred at
        # its own width, so without this the keys would be as narrow as their minimum).
        room = int(width * 0.58) if landscape else width - 80  # beside the code, or the page's width
        self.pad.setMinimumWidth(min(7 * key + 6 * 14, int(1000 * unit), room))
        low = max(touch, int((104 if landscape else 120) * unit))
        for button in (self.back_button, self.checkin_submit, self.pad_keys["clear"]):
            set_px(button, int(46 * unit), bold=True)
            button.setMinimumHeight(low)
            button.setMaximumHeight(int(low * 1.2))
        self.back_button.setMinimumWidth(int(self.back_button.sizeHint().width() + 24 * unit))
        self._balance.setFixedWidth(self.back_button.minimumWidth())
        # The confirmation: in landscape the height is scarce, the number stays the biggest thing.
        sizes = {self.number_label: 300, self.category_label: 60, self.ahead_label: 70, self.listen_label: 46,
                 self.confirm_proof: 36, self.print_label: 40, self.your_number: 34} if landscape else {
                 self.number_label: 270, self.category_label: 60, self.ahead_label: 72, self.listen_label: 50,
                 self.confirm_proof: 40, self.print_label: 46, self.your_number: 36}
        for label, pixels in sizes.items():
            set_px(label, int(pixels * unit), bold=label not in (self.listen_label, self.your_number))
        for badge in (self.green_badge, self.appointment_badge):
            set_px(badge, int(42 * unit), bold=True)

    def _place_checkin_actions(self, landscape: bool) -> None:
        for layout in (self._checkin_page_layout, self._checkin_entry):
            layout.removeWidget(self.checkin_actions)
        if landscape:
            self._checkin_entry.addWidget(self.checkin_actions)
        else:
            self._checkin_page_layout.addWidget(self.checkin_actions)

    def _place_categories(self) -> None:
        # Portrait: one wide row per category while they fit; landscape: two columns.
        count = len(self.categories)
        columns = (1 if count <= 5 else 2) if not self._landscape else (1 if count <= 2 else 2 if count <= 6 else 3)
        for grid, buttons in ((self.category_grid, self.category_buttons), (self.green_grid, self.green_buttons)):
            for button in buttons.values():
                grid.removeWidget(button)
            for index, button in enumerate(buttons.values()):
                grid.addWidget(button, index // columns, index % columns)

    # -- categories and waiting counts ------------------------------------------------------------------

    def refresh(self) -> None:
        """Waiting counts (every `refresh_s`, and after each ticket)."""
        if self._loading:
            return
        self._loading = True
        db, hall_id = self.ctx.db, self.hall.id
        Task(self, lambda: queue.categories(db, hall_id)).on_success(self._categories_loaded) \
            .on_failure(self._categories_failed).run()

    def _categories_loaded(self, categories: list[CategoryInfo]) -> None:
        self._loading = False
        if [(c.letter, c.name) for c in categories] != [(c.letter, c.name) for c in self.categories]:
            self._rebuild_categories(categories)
        self.categories = categories
        for category in categories:
            text = self.tr("{0} waiting").format(category.waiting)
            self.category_buttons[category.letter].waiting_label.setText(text)
            self.green_buttons[category.letter].waiting_label.setText(text)
        if self.start_error.property("fromRefresh"):
            self._show_error(self.start_error, "")
        for label in list(self.outage_labels):
            self._show_error(label, "")
        self.recheck_timer.stop()

    def _categories_failed(self, exc: BaseException) -> None:
        self._loading = False
        log.warning("kiosk cannot read the categories: %s", exc)
        if not self.categories:
            self._show_error(self.start_error, self.tr("Tickets cannot be issued right now. Please ask at the information desk."))
            self.start_error.setProperty("fromRefresh", True)
            self.recheck_timer.start()

    def _rebuild_categories(self, categories: list[CategoryInfo]) -> None:
        for buttons in (self.category_buttons, self.green_buttons):
            for button in buttons.values():
                button.deleteLater()
            buttons.clear()
        for category in categories:
            normal, green = CategoryButton(category), CategoryButton(category, green=True)
            normal.setEnabled(not self.busy)
            green.setEnabled(not self.busy)
            normal.clicked.connect(lambda _=False, letter=category.letter: self.take_ticket(letter))
            green.clicked.connect(lambda _=False, letter=category.letter: self.take_ticket(letter, green_channel=True))
            self.category_buttons[category.letter] = normal
            self.green_buttons[category.letter] = green
        self.categories = categories
        self.tap_guard.watch([*self.category_buttons.values(), *self.green_buttons.values()])
        self._place_categories()
        self.apply_sizes()

    # -- navigation ------------------------------------------------------------------------------------

    def _show(self, name: str) -> None:
        if self.stack.currentWidget() is not self.pages[name]:
            self.tap_guard.arm()
        self.set_page(name)
        self.back_button.setVisible(name != START)
        if name in (GREEN, CHECKIN):
            self.idle_timer.start()
        else:
            self.idle_timer.stop()

    def _touched(self) -> None:
        if self.page() in (GREEN, CHECKIN):
            self.idle_timer.start()

    def go_start(self) -> None:
        self.confirm_timer.stop()
        self.clear_code()
        self.pad.setCurrentIndex(0)
        for label in (self.start_error, self.green_error, self.checkin_error):
            self._show_error(label, "")
        self._show(START)

    def open_green_channel(self) -> None:
        self._show_error(self.green_error, "")
        self._show(GREEN)

    def open_check_in(self) -> None:
        self.clear_code()
        self._show_error(self.checkin_error, "")
        self._show(CHECKIN)

    def _show_error(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))
        label.setProperty("fromRefresh", False)
        self.outage_labels.discard(label)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for button in (*self.category_buttons.values(), *self.green_buttons.values(), self.checkin_submit):
            button.setEnabled(not busy)
        if not busy:
            self._show_code()

    # -- issuing ----------------------------------------------------------------------------------------

    def take_ticket(self, letter: str, green_channel: bool = False) -> None:
        if self.busy:
            return
        self._set_busy(True)
        origin = self.green_error if green_channel else self.start_error
        db, hall_id = self.ctx.db, self.hall.id
        Task(self, lambda: queue.issue_ticket(db, hall_id, letter, green_channel=green_channel)).changes(Area.QUEUE) \
            .on_success(self._issued).on_failure(lambda exc: self._refused(origin, exc)).run()

    def press_key(self, key: str) -> None:
        self._touched()
        if len(self.code) < MAX_CODE:
            self.code += key
        self._show_error(self.checkin_error, "")
        self._show_code()

    def delete_key(self) -> None:
        self.code = self.code[:-1]
        self._show_code()

    def clear_code(self) -> None:
        self.code = ""
        self._show_code()

    def _show_code(self) -> None:
        self.code_label.setText(self.code or "_")
        self.checkin_submit.setEnabled(bool(self.code) and not self.busy)

    def submit_code(self) -> None:
        if self.busy or not self.code:
            return
        code = self.code
        self._check_in(lambda db, hall_id: queue.check_in(db, hall_id, code=code))

    def check_in_with_id_number(self, id_number: str) -> None:
        """The card reader read an ID card here: check in that person's appointment.

        The number is only passed on to be matched (as a hash); it is never shown.
        """
        if self.busy or not id_number:
            return
        self._show_error(self.checkin_error, "")
        self._check_in(lambda db, hall_id: queue.check_in(db, hall_id, id_number=id_number))

    def _check_in(self, work: Callable) -> None:
        self._set_busy(True)
        db, hall_id = self.ctx.db, self.hall.id
        Task(self, lambda: work(db, hall_id)).changes(Area.QUEUE).on_success(self._issued) \
            .on_failure(lambda exc: self._check_in_refused(exc)).run()

    def _check_in_refused(self, exc: BaseException) -> None:
        if self.page() != CHECKIN:
            self.clear_code()
            self._show(CHECKIN)
        self._refused(self.checkin_error, exc)

    def _refused(self, label: QLabel, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, QueueError):
            text = describe(exc)  # worded for the applicant in the screen's language
        else:
            log.error("kiosk: %s", type(exc).__name__, exc_info=exc)
            text = self.tr("Tickets cannot be issued right now. Please ask at the information desk.")
        self._show_error(label, text)
        if not isinstance(exc, QueueError):
            self.outage_labels.add(label)
            self.recheck_timer.start()
        self._touched()

    def _issued(self, ticket: TicketView) -> None:
        self._set_busy(False)
        self.ticket = ticket
        self.clear_code()
        self.number_label.setText(ticket.number)
        self.category_label.setText(f"{ticket.category}  {ticket.category_name}")
        self.green_badge.setVisible(ticket.green_channel)
        self.appointment_badge.setVisible(ticket.appointment)
        self.confirm_proof.setVisible(ticket.green_channel)
        self.ahead_label.setText(self.tr("People ahead of you: {0}").format(ticket.people_ahead))
        self.print_label.setObjectName("printStatus")
        self.print_label.setText("")
        self.print_label.setVisible(False)
        self._show(CONFIRM)
        self.confirm_timer.start(self.confirm_ms)
        if self.print_ticket is not None:
            self._print(ticket)
        self.refresh()

    # -- printing ---------------------------------------------------------------------------------------

    def _print(self, ticket: TicketView) -> None:
        """Queue the ticket for the printer: one print at a time, never on the GUI thread."""
        self._unprinted.add(ticket.id)
        self._print_queue.append(ticket)
        self._print_waits = 0
        self._print_deadline = time.monotonic() + PRINT_WAIT_MAX_S
        self._set_print_status(self.tr("Printing your ticket…"), failed=False)
        self._print_next()

    def _print_next(self) -> None:
        if self._printer_busy or not self._print_queue or self.print_ticket is None:
            return
        ticket, printer = self._print_queue.popleft(), self.print_ticket
        self._printer_busy = True
        Task(self, lambda: printer(ticket)).on_success(lambda _: self._print_finished(ticket, None)) \
            .on_failure(lambda exc: self._print_finished(ticket, exc)).run()

    @property
    def printing(self) -> bool:
        """The ticket on screen is still waiting for, or at, the printer."""
        return self.ticket is not None and self.ticket.id in self._unprinted

    def _print_finished(self, ticket: TicketView, exc: BaseException | None) -> None:
        self._printer_busy = False
        self._unprinted.discard(ticket.id)
        if exc is not None:
            log.error("ticket %s could not be printed: %s", ticket.number, exc)
        if self.ticket is not None and ticket.id == self.ticket.id:
            if exc is None:
                self._set_print_status(self.tr("Please take your ticket"), failed=False)
            else:
                self._set_print_status(self.tr("The ticket could not be printed. Please note your number."), failed=True)
                if self.page() == CONFIRM:
                    self.confirm_timer.start(max(2 * self.confirm_ms, 1))  # time to write the number down
        self._print_next()

    def _set_print_status(self, text: str, failed: bool) -> None:
        self.print_label.setObjectName("printError" if failed else "printStatus")
        restyle(self.print_label)
        self.print_label.setText(text)
        self.print_label.setVisible(True)

    @property
    def print_failed(self) -> bool:
        return self.print_label.objectName() == "printError" and not self.print_label.isHidden()

    def _confirm_elapsed(self) -> None:
        if self.printing and time.monotonic() < self._print_deadline:  # the number stays up while it prints
            self._print_waits += 1
            self.confirm_timer.start(min(1000, self.confirm_ms))
            return
        self.go_start()
