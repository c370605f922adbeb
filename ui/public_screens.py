"""Starting the hall's public screens: kiosk, hall display, evaluation screen. They read the
shared database and work without any counter running; nothing personal is shown on them."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from hallapp.bootstrap import AppContext, open_app
from hallapp.domain.queue import TicketView
from hallapp.services import hall, tickets
from ui.app import make_application

WINDOWED_SIZE = QSize(1280, 800)  # the preferred `--windowed` size, where the screen has room for it
FRAME_ALLOWANCE = QSize(16, 48)  # a title bar and borders, until the window manager says


def _ticket_printer(ctx: AppContext, info: hall.HallInfo):  # noqa: ANN202
    if not ctx.settings.ticket_printer.uri:
        return None

    def print_ticket(view: TicketView) -> None:  # runs in a worker (the kiosk's Task)
        tickets.print_ticket(view, info.name, ctx.settings.ticket_printer, printer=ctx.devices.ticket_printer())

    return print_ticket


def _read_cards_into(kiosk, ctx: AppContext) -> None:  # noqa: ANN001
    """Appointment check-in by ID card: a card placed on the kiosk's reader checks its holder in."""
    if ctx.settings.devices.idcard_port in ("none",) or ctx.demo:
        return  # the demo kiosk checks in by code; its simulated reader serves the counter
    from ui.card_reader import CardReaderController

    reader = CardReaderController(ctx.devices, auto_read=True, parent=kiosk)
    reader.identity_read.connect(lambda result: kiosk.check_in_with_id_number(result.identity.id_number))
    reader.start()


def run_public_screen(kind: str, *, demo: bool, windowed: bool, counter: int | None) -> int:
    from hallapp.bootstrap import LostDatabaseError
    from hallapp.config import SettingsError
    from ui.app import database_lost, settings_refused

    try:
        ctx = open_app(demo=demo)
    except SettingsError as exc:  # the same dialogs as the counter window: a kiosk has no terminal
        return settings_refused(exc)
    except LostDatabaseError as exc:
        return database_lost(exc)
    app = make_application(ctx)
    info = hall.ensure_demo_hall(ctx.db) if demo else hall.hall_info(ctx.db)
    if info is None:
        raise SystemExit("hallapp: this database has no hall yet: run `hallapp` once to set it up")
    if kind == "kiosk":
        from ui.kiosk.window import KioskWindow

        window = KioskWindow(ctx, info, _ticket_printer(ctx, info))
        _read_cards_into(window, ctx)
    elif kind == "display":
        from ui.display.window import DisplayWindow
        from ui.voice import make_speaker

        speaker = make_speaker(ctx.settings.display.voice, max_age_s=ctx.settings.display.voice_max_age_s)
        window = DisplayWindow(ctx, info, speaker, repeat=ctx.settings.display.voice_repeat)
    else:
        from ui.evaluate.window import EvaluationWindow

        window = EvaluationWindow(ctx, info, counter or ctx.settings.counter.number, ctx.settings.evaluation.timeout_s)
    show_public_screen(window, windowed=windowed)
    code = app.exec()
    ctx.close()
    return code


def show_public_screen(window: QWidget, *, windowed: bool) -> None:
    """Full screen, or (`--windowed`) a window that fits the screen's free area, frame included."""
    if not windowed:
        window.showFullScreen()
        return
    fit_to_screen(window, FRAME_ALLOWANCE)
    window.show()
    # Once shown, the real frame is known: fit again with it (a window manager may take a moment).
    QTimer.singleShot(250, window, lambda: fit_to_screen(window, _frame_of(window)))


def fit_to_screen(window: QWidget, frame: QSize, free: QRect | None = None) -> None:
    """Size and place `window` (plus its `frame`) inside `free`: by default the screen's available area."""
    if free is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            window.resize(WINDOWED_SIZE)
            return
        free = screen.availableGeometry()
    room = QSize(max(320, free.width() - frame.width()), max(240, free.height() - frame.height()))
    size = WINDOWED_SIZE.boundedTo(room)
    window.resize(size)
    left = free.left() + (free.width() - size.width() - frame.width()) // 2
    top = free.top() + (free.height() - size.height() - frame.height()) // 2
    window.move(max(free.left(), left), max(free.top(), top))


def _frame_of(window: QWidget) -> QSize:
    return window.frameGeometry().size() - window.geometry().size()
