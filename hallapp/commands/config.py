"""`hallapp config show | set KEY VALUE | export FILE | import FILE`.

A secret (database.url's password, any key or token) is never printed or exported. `export`
writes the keys this PC's settings file sets, except secrets and the keys that belong to one PC
(its counter number, its devices' ports and folders): those are named in the file's header.
`import` checks every key first and writes the settings file once, or not at all.
On a shared PostgreSQL database the hall-wide keys (config.HALL_WIDE_KEYS) live in the database:
`set` writes them there (audited) and `show` reads them from there, marked [hall]; `import` stores a
file's hall-wide keys there too, before this PC's file is written, so a refusing database changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import tomli_w

from hallapp import config
from hallapp.commands import UserError
from hallapp.commands._output import write_out as write
from hallapp.domain.clock import hall_clock
from hallapp.home import Home, current_home

NAME = "config"
NEEDS_APP = False  # settings must be fixable when the database is not reachable
CLI_ACTOR = "cli"  # as hallapp.cli names a command typed at this PC in the audit log


def add_parser(sub: argparse._SubParsersAction) -> None:
    cfg = sub.add_parser(NAME, help="settings").add_subparsers(dest="action", required=True)
    cfg.add_parser("show", help="every setting with its value and meaning (secrets as ***)")
    setp = cfg.add_parser("set", help="change one setting")
    setp.add_argument("key")
    setp.add_argument("value")
    export = cfg.add_parser("export", help="write this PC's hall-wide settings to FILE, for other counters "
                                           "(no secrets, no per-PC keys)")
    export.add_argument("file", type=Path, metavar="FILE")
    export.add_argument("--force", action="store_true", help="replace FILE if it already exists")
    imp = cfg.add_parser("import", help="apply the settings of a FILE written by `config export` (all or nothing)")
    imp.add_argument("file", type=Path, metavar="FILE")


def run(app: None, args: argparse.Namespace) -> int:
    home = current_home()
    if args.action == "show":
        _show(home, args.demo)
    elif args.action == "set":
        if args.key == "counter.number":
            counter_number_check(args.demo, args.value)
        if config.is_hall_wide(args.key) and _shared_url(home, args.demo):
            _set_hall_wide(home, args.key, args.value)
        else:
            config.set_value(home.settings_file, args.key, args.value)
            print(f"{args.key} saved in {home.settings_file}")
    elif args.action == "export":
        return _export(home, args.file, args.force)
    else:
        return _import(home, args.file, args.demo)
    return 0


def _shared_url(home: Home, demo: bool) -> str:
    """The shared (PostgreSQL) database this PC uses, or "" (SQLite, or the demo hall's own file)."""
    url = config.load_settings(home.settings_file, hall_wide=False).database.url
    return url if config.is_shared_url(url) and not demo else ""


def _show(home: Home, demo: bool) -> None:
    shared = _shared_url(home, demo)
    settings = config.load_settings(home.settings_file, hall_wide=bool(shared))
    if shared:
        print("# hall-wide keys (marked [hall]) come from the shared database, for every counter", file=sys.stderr)
    for key, value, description in config.flat_items(settings):
        mark = "[hall] " if shared and config.is_hall_wide(key) else ""
        print(f"{key} = {config.shown_value(key, value)!r}  # {mark}{description}")


def _set_hall_wide(home: Home, key: str, text: str) -> None:
    """A hall-wide key on a shared database: checked as the file would check it, stored in the database
    for every counter (audited); the file is not touched, so no PC keeps a stale copy of its own."""
    from hallapp.services import audit, hall
    from hallapp.storage import Database, DatabaseError

    value = config.check_value(home.settings_file, key, text)
    settings = config.load_settings(home.settings_file, hall_wide=False)
    db = Database(settings.database.url, keys_dir=home.keys_dir,
                  connect_timeout_s=settings.database.connect_timeout_s)
    try:
        audit.attach(db, home)
        changed = hall.set_hall_wide(db, key, value, CLI_ACTOR)
    except DatabaseError as exc:
        raise UserError(f"{key} is a hall-wide setting kept in the hall's database, which refused it ({exc}): "
                        "nothing changed; try again once the database is back") from exc
    except hall.SetupError as exc:
        raise UserError(f"{key} is a hall-wide setting kept in the hall's database, which has no hall yet: "
                        "run `hallapp setup` first; nothing changed") from exc
    finally:
        db.dispose()
    print(f"{key} saved in the hall's database: every counter uses it" if changed
          else f"{key} already is {value!r} in the hall's database: nothing changed")
    if key in config.stored_values(home.settings_file):
        print(f"hallapp: note: {home.settings_file} also sets {key}; that value is no longer used on this PC",
              file=sys.stderr)


def left_out() -> list[str]:
    """Keys `config export` never writes: secrets and this PC's own."""
    return [key for key in config.declared_keys() if config.is_secret(key) or config.is_per_pc(key)]


def _export(home: Home, out: Path, force: bool) -> int:
    values = {key: value for key, value in config.stored_values(home.settings_file).items() if key not in left_out()}
    nested: dict[str, dict[str, Any]] = {}
    for key, value in values.items():
        section, name = key.split(".")
        nested.setdefault(section, {})[name] = value
    write(home, out, (_header() + tomli_w.dumps(nested)).encode("utf-8"), force=force)
    print(f"{len(values)} settings written to {out}; left out (secret or this PC's own): {', '.join(left_out())}")
    return 0


def _header() -> str:
    clock = hall_clock()
    lines = [
        f"hallapp settings exported {clock.format(clock.now(), '%Y-%m-%d %H:%M')} (hall time) by `hallapp config export`.",
        "Apply on another counter's PC with `hallapp config import FILE`; keys not listed here keep their value there.",
        "Left out, because they are secret or belong to one PC (set them on each PC with `hallapp config set`):",
        *[f"  {key}" for key in left_out()],
    ]
    return "".join(f"# {line}\n" for line in lines) + "\n"


def _import(home: Home, source: Path, demo: bool) -> int:
    if not source.is_file():
        raise UserError(f"{source} is not a file: give the file written by `hallapp config export`")
    values = config.read_flat(source)
    if not values:
        raise UserError(f"{source} holds no settings: nothing changed")
    keys = config.declared_keys()
    unknown = [key for key in values if key not in keys]
    if unknown:
        raise UserError(f"{source}: unknown setting {', '.join(unknown)} (see `hallapp config show`); nothing changed")
    own = [key for key in values if key in left_out()]
    if own:
        raise UserError(f"{source} sets {', '.join(own)}, which each PC sets for itself (secret or per PC): "
                        "remove it from the file, or use a file written by `hallapp config export`; nothing changed")
    checked = _checked_values(home, source, values)
    shared = _shared_url(home, demo)
    hall_wide = {key: value for key, value in checked.items() if shared and config.is_hall_wide(key)}
    before = _effective(home, keys)
    if hall_wide:  # what every counter without a line of its own uses: the database's value, or the default
        before.update({key: keys[key][0] for key in hall_wide} | _hall_wide_before(home, shared))
        _store_hall_wide(home, shared, hall_wide)  # first: a database that refuses leaves the file as it was
    local = {key: value for key, value in values.items() if key not in hall_wide}
    if local:
        config.write_values(home.settings_file, local)  # already checked with every key of the file
    _report_import(home, source, [(key, before[key], new) for key, new in checked.items()], set(hall_wide))
    return 0


def _report_import(home: Home, source: Path, values: list[tuple[str, Any, Any]], hall_wide: set[str]) -> None:
    """What an import changed (key, old, new), where each hall-wide key went, and file lines now unused."""
    changed = [(key, old, new) for key, old, new in values if old != new]
    print(f"imported {source}: {len(changed)} of {len(values)} settings changed" if changed
          else f"imported {source}: nothing changed, this PC already has these {len(values)} settings")
    for key, old, new in changed:
        where = "  (hall's database: every counter)" if key in hall_wide else ""
        print(f"  {key}: {old!r} -> {new!r}{where}")
    dead = sorted(hall_wide & set(config.stored_values(home.settings_file)))
    if dead:
        print(f"hallapp: note: {home.settings_file} also sets {', '.join(dead)}; those values are no longer used "
              "on this PC", file=sys.stderr)


def _checked_values(home: Home, source: Path, values: dict[str, Any]) -> dict[str, Any]:
    """Every key of the file validated together with this PC's settings, as stored, writing nothing:
    the check runs on a scratch copy of the settings file beside it."""
    import shutil
    import tempfile

    home.root.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=home.root, prefix=".config-import-") as scratch:
        copy = Path(scratch) / home.settings_file.name
        if home.settings_file.is_file():
            shutil.copyfile(home.settings_file, copy)
        try:
            settings = config.write_values(copy, values)
        except config.SettingsError as exc:
            raise UserError(f"{source}: {exc}; nothing changed") from exc
    return {key: getattr(getattr(settings, key.split(".")[0]), key.split(".")[1]) for key in values}


def _hall_wide_before(home: Home, url: str) -> dict[str, Any]:
    """The hall-wide values the shared database holds now (what this PC uses for them)."""
    from hallapp.storage import DatabaseError

    timeout = config.load_settings(home.settings_file, hall_wide=False).database.connect_timeout_s
    try:
        return config.hall_wide_values(url, home.keys_dir, timeout)
    except DatabaseError as exc:
        raise UserError(f"the file sets hall-wide settings, kept in the hall's database, which cannot be read "
                        f"({exc}): nothing changed; try again once the database is back") from exc


def _store_hall_wide(home: Home, url: str, values: dict[str, Any]) -> None:
    """Each hall-wide key of an import into the shared database, audited as `config set` does it."""
    from hallapp.services import audit, hall
    from hallapp.storage import Database, DatabaseError

    settings = config.load_settings(home.settings_file, hall_wide=False)
    db = Database(url, keys_dir=home.keys_dir, connect_timeout_s=settings.database.connect_timeout_s)
    try:
        audit.attach(db, home)
        for key, value in values.items():
            hall.set_hall_wide(db, key, value, CLI_ACTOR)
    except DatabaseError as exc:
        raise UserError(f"the hall's database refused the hall-wide settings ({exc}): this PC's file is unchanged; "
                        "run the import again once the database is back") from exc
    except hall.SetupError as exc:
        raise UserError("the file sets hall-wide settings, kept in the hall's database, which has no hall yet: "
                        "run `hallapp setup` first; nothing changed") from exc
    finally:
        db.dispose()


def _effective(home: Home, keys: dict[str, tuple[Any, str]]) -> dict[str, Any]:
    """Each key's value in this home's file, or its default: what an import changes."""
    stored = config.stored_values(home.settings_file)
    return {key: stored.get(key, default) for key, (default, _) in keys.items()}


def counter_number_check(demo: bool, text: str) -> None:
    """`config set counter.number N`: refuse a counter the hall does not have (it would fail only at F1);
    warn, and let it be saved, when the hall's database cannot be asked."""
    from hallapp.bootstrap import database_url
    from hallapp.services import hall
    from hallapp.storage import Database, DatabaseError

    try:
        number = int(text)
    except ValueError:
        return  # set_value refuses it with the setting's own message
    home = current_home()
    db = Database(database_url(home, config.load_settings(home.settings_file), demo), keys_dir=home.keys_dir)
    try:
        info = None if db.sqlite_file is not None and not db.sqlite_file.is_file() else hall.hall_info(db)
    except DatabaseError:
        print(f"hallapp: warning: cannot reach the database to check that counter {number} exists; saved anyway: "
              "check it with `hallapp counters list` once the database is back", file=sys.stderr)
        return
    finally:
        db.dispose()
    if info is None:
        print(f"hallapp: warning: this database has no hall yet, so counter {number} is not checked", file=sys.stderr)
    elif number not in info.counters:
        raise UserError(f"this hall has counters {_span(info.counters)}, no counter {number}: choose one of them, "
                        "or add counters first with `hallapp counters add N`")


def _span(numbers: Sequence[int]) -> str:
    """1–3 for a run of numbers, 1, 4, 7 otherwise (as `hallapp counters add` says it)."""
    if len(numbers) > 1 and list(numbers) == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)
