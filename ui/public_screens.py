"""Starting the hall's public screens: kiosk, hall display, evaluation screen. They read the
shared database and work without any counter running; nothing personal is shown on them."""

from __future__ import annotations

from hallapp.bootstrap import AppContext, open_app
from hallapp.domain.queue import TicketView
from hallapp.services import hall, tickets
from ui.app import make_application


def _ticket_printer(ctx: AppContext, info: hall.HallInfo):  # noqa: ANN202
    if not ctx.settings.ticket_printer.uri:
        return None

    def print_ticket(view: TicketView) -> None:  # runs in a worker (the kiosk's Task)
        tickets.print_ticket(view, info.name, ctx.settings.ticket_printer)

    return print_ticket


def _read_cards_into(kiosk, ctx: AppContext) -> None:  # noqa: ANN001
    """Appointment check-in by ID card: a card placed on the kiosk's reader checks its holder in."""
    if ctx.settings.devices.idcard_port in ("none",) or ctx.demo:
        return  # the demo kiosk checks in by code; its simulated reader serves the counter
    from hallapp.devices import DeviceRegistry
    from ui.card_reader import CardReaderController

    reader = CardReaderController(DeviceRegistry(ctx.settings.devices), auto_read=True, parent=kiosk)
    reader.identity_read.connect(lambda result: kiosk.check_in_with_id_number(result.identity.id_number))
    reader.start()


def run_public_screen(kind: str, *, demo: bool, windowed: bool, counter: int | None) -> int:
    ctx = open_app(demo=demo)
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

        window = DisplayWindow(ctx, info, make_speaker(ctx.settings.display.voice), repeat=ctx.settings.display.voice_repeat)
    else:
        from ui.evaluate.window import EvaluationWindow

        window = EvaluationWindow(ctx, info, counter or ctx.settings.counter.number, ctx.settings.evaluation.timeout_s)
    if windowed:
        window.resize(1280, 800)
        window.show()
    else:
        window.showFullScreen()
    code = app.exec()
    ctx.close()
    return code
