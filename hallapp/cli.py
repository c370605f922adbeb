"""The command line. `hallapp` with no command opens the window (see ui/launcher.py); every
other command runs headless from here.

A user error prints one plain line on stderr and exits 2; an unexpected failure prints one line,
logs the detail, and exits 1. No tracebacks on a clerk's or technician's screen.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hallapp import __version__, commands
from hallapp.commands import UserError  # re-exported: callers import it from here
from hallapp.commands._output import write_out
from hallapp.config import SettingsError
from hallapp.home import HOME_ENV, current_home
from hallapp.storage import DatabaseError

if TYPE_CHECKING:
    from hallapp.bootstrap import AppContext
    from hallapp.services.hall import HallInfo

log = logging.getLogger(__name__)

# Commands that open a window; ui/launcher.py handles them.
GUI_COMMANDS = frozenset({None, "kiosk", "display", "evaluate"})


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hallapp", description="跨省通办窗口客户端 hallapp")
    parser.add_argument("--version", action="version", version=f"hallapp {__version__}")
    parser.add_argument("--home", metavar="DIR", help=f"home folder for data, settings, keys, logs (env {HOME_ENV})")
    parser.add_argument("--accept-new-database", action="store_true",
                        help="start on an empty database although this home has keys, scans or issued case numbers "
                             "(after a deliberate reset; otherwise restore the backup)")
    parser.add_argument("--demo", action="store_true", help="demo hall in its own database")
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="UI language for this run")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    kiosk = sub.add_parser("kiosk", help="the ticket kiosk (full screen, touch)")
    kiosk.add_argument("--windowed", action="store_true", help="a normal window instead of full screen")
    display = sub.add_parser("display", help="the hall display with voice (full screen, for a TV)")
    display.add_argument("--windowed", action="store_true")
    evaluate = sub.add_parser("evaluate", help="the evaluation screen turned to the applicant")
    evaluate.add_argument("--counter", type=int, required=True, help="the counter this screen belongs to")
    evaluate.add_argument("--windowed", action="store_true")

    card = sub.add_parser("card", help="read identity cards").add_subparsers(dest="action", required=True)
    read = card.add_parser("read", help="wait for an ID card on a SAM reader, read it once, print JSON")
    read.add_argument("--port", required=True, help="serial port of the reader, e.g. /dev/ttyUSB0 or COM3")
    read.add_argument("--baud", type=int, default=115200)
    read.add_argument("--timeout", type=float, default=10.0, help="seconds to wait for a card")
    decode = card.add_parser("decode", help="decode a raw card answer or 256-byte text block from a file")
    decode.add_argument("file", type=Path)
    pcsc = card.add_parser("pcsc", help="read a social security card over PC/SC, print JSON")
    pcsc.add_argument("--reader", default=None, help="reader name (default: the first reader)")
    pcsc.add_argument("--timeout", type=float, default=10.0)

    ticket = sub.add_parser("ticket", help="queue tickets").add_subparsers(dest="action", required=True)
    test_print = ticket.add_parser("test-print", help="print a sample ticket")
    test_print.add_argument("--printer", required=True, metavar="URI",
                            help="tcp://HOST:PORT, usb://VID:PID, serial:///dev/ttyX?baud=9600 or file:///PATH")
    test_print.add_argument("--width", type=int, choices=[58, 80], default=None)
    issue = ticket.add_parser("issue", help="issue a ticket on the configured printer; prints its number")
    issue.add_argument("--category", required=True, metavar="LETTER")
    issue.add_argument("--green", action="store_true", help="green channel (绿色通道)")

    case = sub.add_parser("case", help="cases (办件)").add_subparsers(dest="action", required=True)
    show = case.add_parser("show", help="the case as JSON")
    show.add_argument("number")
    render = case.add_parser("render", help="render a document of a case to PDF")
    render.add_argument("number")
    render.add_argument("--doc", required=True, choices=["receipt", "notice", "commitment", "consent"])
    render.add_argument("--out", required=True, type=Path)
    render.add_argument("--size", choices=["A4", "thermal80"], default="A4", help="receipt only")
    render.add_argument("--force", action="store_true", help="replace FILE if it already exists")

    _add_setup_parsers(sub)
    for module in commands.modules():
        module.add_parser(sub)
    return parser


ADMIN_PASSWORD_ENV = "HALLAPP_ADMIN_PASSWORD"  # noqa: S105 - a variable name, not a password
STAFF_PASSWORD_ENV = "HALLAPP_STAFF_PASSWORD"  # noqa: S105 - a variable name
CLI_ACTOR = "cli"  # who the audit log names for a command typed or scripted at this PC
ROLES = {"clerk": "clerk", "supervisor": "supervisor", "tech": "technician", "technician": "technician",
         "admin": "admin"}


def _add_setup_parsers(sub: argparse._SubParsersAction) -> None:
    """setup, staff and counters: what a technician's roll-out script needs. No password in argv;
    allow_abbrev=False so that a mistyped `--admin-password SECRET` is refused, never read as a file name."""
    setup = sub.add_parser("setup", allow_abbrev=False, help="first-run set-up of a hall, for scripts "
                           f"(password from --admin-password-file, - for stdin, or env {ADMIN_PASSWORD_ENV})")
    setup.add_argument("--hall-name", required=True)
    setup.add_argument("--hall-code", required=True,
                       help="4-30 letters or digits (case numbers and client ids stay within the contract's limits)")
    setup.add_argument("--region", required=True, metavar="CODE", help="6-digit county code, e.g. 510104")
    setup.add_argument("--counters", required=True, type=int, metavar="N", help="number of counters (窗口)")
    setup.add_argument("--admin", required=True, metavar="USER", help="the first administrator's user name")
    setup.add_argument("--admin-name", default="系统管理员", help="the administrator's display name")
    setup.add_argument("--admin-password-file", type=Path, metavar="FILE", help="first line is the password; - = stdin")
    _refuse_password_option(setup, "--admin-password", ADMIN_PASSWORD_ENV)
    setup.add_argument("--phone", default="", help="hall phone printed on documents")
    setup.add_argument("--address", default="", help="hall address printed on documents")

    staff = sub.add_parser("staff", help="staff accounts").add_subparsers(dest="action", required=True)
    add = staff.add_parser("add", allow_abbrev=False, help=f"add an account (password: --password-file or env "
                           f"{STAFF_PASSWORD_ENV})")
    add.add_argument("user")
    add.add_argument("--name", required=True, help="display name")
    add.add_argument("--role", required=True, choices=sorted(ROLES))
    add.add_argument("--password-file", type=Path, metavar="FILE", help="first line is the password; - = stdin")
    _refuse_password_option(add, "--password", STAFF_PASSWORD_ENV)
    staff.add_parser("disable", help="the account can no longer log in").add_argument("user")
    reset = staff.add_parser("reset-password", allow_abbrev=False, help="set a new password and lift a lock-out")
    reset.add_argument("user")
    reset.add_argument("--password-file", type=Path, metavar="FILE", help="first line is the password; - = stdin")
    _refuse_password_option(reset, "--password", STAFF_PASSWORD_ENV)
    staff.add_parser("list", help="every account: user, name, role, state")

    counters = sub.add_parser("counters", help="counters (窗口)").add_subparsers(dest="action", required=True)
    more = counters.add_parser("add", help="add N counters, numbered after the last")
    more.add_argument("count", type=int, metavar="N")
    cats = counters.add_parser("set-categories", help="the ticket categories counter N calls, in order")
    cats.add_argument("number", type=int, metavar="N")
    cats.add_argument("letters", metavar="A,B", help="category letters, comma-separated, first called first")
    counters.add_parser("list", help="every counter with the categories it calls")


class _RefusePassword(argparse.Action):
    """A password typed as an option: refused with one line that does not repeat it."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(f"hallapp: {option_string} is not accepted: a password on the command line is seen by every user "
              f"of this PC; use {option_string}-file FILE (- for stdin) or set {self.const}",
              file=sys.stderr)
        parser.exit(2)


def _refuse_password_option(parser: argparse.ArgumentParser, option: str, env: str) -> None:
    parser.add_argument(option, nargs="?", const=env, action=_RefusePassword, help=argparse.SUPPRESS)


def run(args: argparse.Namespace) -> int:
    from hallapp import logs
    from hallapp.bootstrap import open_app

    try:
        logs.configure(current_home().logs_dir)  # every command logs to its home, never to stderr
    except OSError as exc:
        if args.command != "card":
            raise UserError(f"cannot use the home folder ({exc.strerror}): set HALLAPP_HOME or --home") from exc
        # Card commands need no home: a technician may run them anywhere.

    if args.command == "card":
        return _card(args)
    if args.command == "ticket" and args.action == "test-print":
        from drivers.printer import PrinterUriError
        from hallapp.config import load_settings
        from hallapp.services import ticket_printing

        try:
            status = ticket_printing.test_print(load_settings(current_home().settings_file).ticket_printer, args.printer,
                                        args.width or 80)
        except PrinterUriError as exc:  # a mistyped --printer is the user's to fix
            raise UserError(str(exc)) from exc
        print(f"printed a sample ticket on {args.printer}" + (f" ({status.message})" if status.message else ""))
        return 0
    module = commands.find(args.command)
    if module is not None and not module.NEEDS_APP:
        return module.run(None, args)
    if args.command == "setup" and args.demo:
        raise UserError("setup is for a real hall; the demo hall sets itself up: run `hallapp --demo` instead")
    app = open_app(demo=args.demo)
    if args.demo:
        from hallapp.services.hall import ensure_demo_hall

        ensure_demo_hall(app.db)  # `hallapp --demo ...` works in a fresh home, as the window does
    try:
        if module is not None:
            return module.run(app, args)
        if args.command == "ticket":
            return _ticket(app, args)
        elif args.command == "case":
            return _case(app, args)
        elif args.command == "setup":
            return _setup(app, args)
        elif args.command == "staff":
            return _staff(app, args)
        elif args.command == "counters":
            return _counters(app, args)
        return 0
    finally:
        app.close()


def _read_password(file: Path | None, env: str, option: str) -> str:
    """A password from a file (- = stdin) or an environment variable: never from argv, never logged."""
    if file is not None:
        try:
            text = sys.stdin.readline() if str(file) == "-" else file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise UserError(f"cannot read the password file given to {option}: check the path and its "
                            "permissions") from exc
        lines = text.splitlines()
        return lines[0] if lines else ""
    if os.environ.get(env):
        return os.environ[env]
    raise UserError(f"no password given: use {option} FILE (- for stdin) or set {env}")


def _hall_of(app: AppContext) -> HallInfo:
    from hallapp.services import hall

    info = hall.hall_info(app.db)
    if info is None:
        raise UserError("this database has no hall yet: run `hallapp setup ...` first")
    return info


def _setup(app: AppContext, args: argparse.Namespace) -> int:
    from hallapp.services import hall

    existing = hall.hall_info(app.db)
    if existing is not None:  # before asking for a password: a re-run script stops at once
        raise UserError(f"this database already has a hall ({existing.code} {existing.name}); setup runs once: "
                        "use `hallapp staff add` or `hallapp counters add` to change it")
    password = _read_password(args.admin_password_file, ADMIN_PASSWORD_ENV, "--admin-password-file")
    try:
        info = hall.create_hall(app.db, name=args.hall_name, code=args.hall_code, region_code=args.region,
                                counters=args.counters, admin_username=args.admin, admin_name=args.admin_name,
                                admin_password=password, phone=args.phone, address=args.address)
    except hall.SetupError as exc:
        raise UserError(f"setup refused: {exc}") from exc
    print(f"hall {info.code} {info.name} set up in {app.db.display_url}: {len(info.counters)} counters, "
          f"administrator {args.admin.strip()}")
    return 0


def _staff(app: AppContext, args: argparse.Namespace) -> int:
    from hallapp.services import staff

    info = _hall_of(app)
    try:
        if args.action == "list":
            for row in staff.list_staff(app.db, info.id):
                state = "active" if row["active"] else "disabled"
                print(f"{row['username']}\t{row['display_name']}\t{row['role']}\t{state}")
            return 0
        if args.action == "disable":
            staff.disable_staff(app.db, CLI_ACTOR, args.user)
            print(f"account {args.user} disabled")
            return 0
        password = _read_password(args.password_file, STAFF_PASSWORD_ENV, "--password-file")
        if args.action == "add":
            staff.create_staff(app.db, CLI_ACTOR, info.id, args.user, args.name, ROLES[args.role], password)
            print(f"account {args.user.strip()} added ({ROLES[args.role]})")
        else:
            staff.reset_password(app.db, CLI_ACTOR, args.user, password)
            print(f"password of {args.user} reset")
    except staff.StaffError as exc:
        raise UserError(str(exc)) from exc
    return 0


def _counters(app: AppContext, args: argparse.Namespace) -> int:
    from hallapp.domain.queue import QueueError
    from hallapp.services import hall, presence, queue

    info = _hall_of(app)
    try:
        if args.action == "add":
            numbers = hall.add_counters(app.db, CLI_ACTOR, args.count)
            print(f"counters {_span(numbers)} added; the hall has {len(info.counters) + len(numbers)} counters")
        elif args.action == "set-categories":
            plan = queue.set_counter_categories(app.db, info.id, CLI_ACTOR, args.number, args.letters.split(","))
            print(f"counter {plan.number} calls {','.join(plan.letters)}")
        else:
            for plan in queue.counter_plans(app.db, info.id):
                print(f"{plan.number}\t{plan.name}\t{','.join(plan.letters)}")
            for line in presence.problems(app.db, info.counters):  # on stderr: the list stays parseable
                print(f"hallapp: warning: {line}", file=sys.stderr)
    except (hall.SetupError, QueueError) as exc:
        raise UserError(str(exc)) from exc
    return 0


def _span(numbers: Sequence[int]) -> str:
    """1–3 for a run of numbers, 1, 4, 7 otherwise."""
    if len(numbers) > 1 and list(numbers) == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def _card(args: argparse.Namespace) -> int:
    """Card commands touch no database: a technician runs them on any machine."""
    import json

    from hallapp.services import identity

    if args.action == "decode":
        from drivers.idcard import CardDataError

        if not args.file.exists():
            raise UserError(f"no such file: {args.file}")
        try:
            result = identity.decode_file(args.file).to_json()
        except OSError as exc:
            raise UserError(f"cannot read {args.file}: {exc.strerror}") from exc
        except CardDataError as exc:  # the file, not a device, is wrong: a user error
            raise UserError(f"{args.file}: {exc}") from exc
    elif args.action == "read":
        from drivers.idcard import SamReader

        with SamReader(args.port, args.baud) as reader:
            result = identity.wait_and_read(reader, args.timeout).to_json()
    else:
        result = identity.read_social_security(args.reader, args.timeout)
    print(json.dumps(result, ensure_ascii=False))
    return 0


def _ticket(app: AppContext, args: argparse.Namespace) -> int:
    """`ticket issue`: the ticket exists once issued; a printer failure is reported, exit 1."""
    from hallapp.domain.queue import QueueError
    from hallapp.services import hall, queue, ticket_printing

    info = hall.hall_info(app.db)
    if info is None:
        raise UserError("this database has no hall yet: run `hallapp` once to set it up")
    try:
        view = queue.issue_ticket(app.db, info.id, args.category.strip().upper(), green_channel=args.green)
    except QueueError as exc:
        raise UserError(str(exc)) from exc
    print(view.number)
    ticket_printing.print_ticket(view, info.name, app.settings.ticket_printer, printer=app.devices.ticket_printer())
    return 0


def _case(app: AppContext, args: argparse.Namespace) -> int:
    import json

    from hallapp.domain.cases import CaseError
    from hallapp.services import case_documents, cases

    try:
        if args.action == "show":
            print(json.dumps(cases.show(app.db, args.number), ensure_ascii=False, indent=2))
            return 0
        if args.size != "A4" and args.doc != "receipt":
            raise UserError(f"--size {args.size} is for the receipt only; a {args.doc} is printed on A4")
        pdf = case_documents.render(app.db, args.number, args.doc, app.settings.documents, size=args.size)
    except (CaseError, ValueError) as exc:  # DocumentError (coded) is a ValueError with an English message
        raise UserError(str(exc)) from exc
    write_out(app.home, args.out, pdf, force=args.force, database=app.db.sqlite_file)
    print(f"{args.doc} of {args.number} written to {args.out}")
    return 0


def apply_global_options(args: argparse.Namespace) -> None:
    if args.home:
        os.environ[HOME_ENV] = str(Path(args.home).expanduser().resolve())
    if args.lang:
        os.environ["HALLAPP_LANGUAGE"] = args.lang
    if getattr(args, "accept_new_database", False):
        os.environ["HALLAPP_ACCEPT_NEW_DATABASE"] = "1"


def _failures() -> tuple[type[BaseException], ...]:
    """Failures of the database, a device or a card: exit 1 with the plain message. Imported only when one is raised."""
    from drivers.idcard import CardDataError, ReaderError, SamError
    from drivers.idcard.pcsc_errors import PcscError
    from drivers.printer import PrinterError
    from hallapp.commands.sync import FAILURES as SYNC_FAILURES
    from hallapp.devices import DeviceNotConfiguredError
    from hallapp.services.identity import NoCardError

    return (DatabaseError, CardDataError, ReaderError, SamError, PcscError, NoCardError, PrinterError, DeviceNotConfiguredError,
            *SYNC_FAILURES)


def guarded(fn: Callable[..., int], *fn_args: Any) -> int:
    """Run a command; turn every failure into one plain line and an exit code."""
    from hallapp.commands.sync import USER_ERRORS as SYNC_USER_ERRORS
    from hallapp.services.catalog import CatalogError
    from hallapp.services.hall import SetupError

    user_errors: tuple[type[Exception], ...] = (UserError, SettingsError, CatalogError, SetupError, *SYNC_USER_ERRORS)
    try:
        return fn(*fn_args)
    except user_errors as exc:
        print(f"hallapp: {exc}", file=sys.stderr)
        return 2
    except _failures() as exc:
        print(f"hallapp: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if logging.getLogger().handlers:
            log.exception("command failed")
            where = "details are in the log"
        else:
            where = "no log is configured"
        print(f"hallapp: unexpected error ({type(exc).__name__}); {where}", file=sys.stderr)
        return 1


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    apply_global_options(args)
    if args.command in GUI_COMMANDS:
        # Only reached without PySide6 (hallapp/__main__.py); the `hallapp` script is ui.launcher:main.
        print("hallapp: this command opens a window and needs PySide6, which is not installed here; "
              "the commands without a window work", file=sys.stderr)
        return 2
    return guarded(run, args)
