"""Starting the hall's public screens: kiosk, hall display, evaluation screen. They read the
shared database and work without any counter running; nothing personal is shown on them."""

from __future__ import annotations

from hallapp.bootstrap import AppContext, open_app
from hallapp.domain.queue import TicketView
from hallapp.services import hall, ticket_printing
from ui.app import make_application
from ui.public import show_public_screen


def _ticket_printer(ctx: AppContext, info: hall.HallInfo):
    if not ctx.settings.ticket_printer.uri:
        return None

    def print_ticket(view: TicketView) -> None:  # runs in a worker (the kiosk's Task)
        ticket_printing.print_ticket(view, info.name, ctx.settings.ticket_printer, printer=ctx.devices.ticket_printer())

    return print_ticket


def _read_cards_into(kiosk, ctx: AppContext) -> None:
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
