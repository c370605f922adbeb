"""The item catalog from the platform: fetch the channel's list with its version, diff it against
the local catalog (new / changed / withdrawn), apply it in one transaction.

A withdrawn item stays in the database (old cases point at it) but starts no new case; every item
of an applied version is kept as it was (`catalog_item_version`), so a case keeps the checklist of
the version it started with (`case_file.catalog_version`).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import ValidationError

from hallapp.domain.errors import CodedError, register
from hallapp.domain.items import ItemSpec
from hallapp.services.catalog import _search_keys
from hallapp.storage import Database, UnitOfWork
from hallapp.storage.models import Case, CatalogVersion, ServiceItem

log = logging.getLogger(__name__)
ITEMS = "items"


class CatalogUpdateError(CodedError):
    """A platform catalog that cannot be applied; nothing changed."""


register({
    "catalog.bad_item": "The platform's catalog {version} has an item hallapp cannot use ({where}): nothing changed.",
    "catalog.empty": "The platform's catalog {version} lists no item: nothing changed.",
    "catalog.changed_since": "The local catalog changed since the differences were shown: fetch them again.",
})


@dataclass(frozen=True)
class RemoteCatalog:
    version: str
    items: tuple[ItemSpec, ...]


@dataclass(frozen=True)
class ItemChange:
    code: str
    name: str
    fields: tuple[str, ...] = ()  # for a changed item: what changed (ItemSpec field names)


@dataclass(frozen=True)
class CatalogDiff:
    version: str  # the platform's
    current: str | None  # the last applied from the platform; None: only files so far
    added: tuple[ItemChange, ...]
    changed: tuple[ItemChange, ...]
    withdrawn: tuple[ItemChange, ...]

    @property
    def empty(self) -> bool:
        return not (self.added or self.changed or self.withdrawn)


def parse_catalog(body: dict[str, Any]) -> RemoteCatalog:
    """The platform's answer as validated items; CatalogUpdateError names the first bad one."""
    version = body["version"].strip()
    items: list[ItemSpec] = []
    for index, raw in enumerate(body["items"]):
        try:
            items.append(ItemSpec.model_validate(raw))
        except ValidationError as exc:
            err = exc.errors()[0]
            where = f"items[{index}]." + ".".join(str(part) for part in err["loc"])
            raise CatalogUpdateError("catalog.bad_item", version=version, where=f"{where}: {err['msg']}") from exc
    codes = [spec.code for spec in items]
    if len(codes) != len(set(codes)):
        raise CatalogUpdateError("catalog.bad_item", version=version, where="an item code appears twice")
    if not items:
        raise CatalogUpdateError("catalog.empty", version=version)
    return RemoteCatalog(version, tuple(items))


def fetch(platform: Any) -> RemoteCatalog:
    """GET the channel's list (signed, through the adapter) and validate it."""
    from hallapp.sync.catalog_fetch import get_catalog

    return parse_catalog(get_catalog(platform))


def spec_of(item: ServiceItem) -> ItemSpec:
    """A stored item as the catalog format writes it (to compare with the platform's)."""
    return ItemSpec.model_validate({
        "code": item.code, "name": item.name, "aliases": [a for a in item.aliases.split("|") if a],
        "department": item.department, "item_type": item.item_type,
        "processing_modes": [m for m in item.processing_modes.split(",") if m], "case_type": item.case_type,
        "promised_days": item.promised_days, "fee": Decimal(item.fee), "batch": item.batch,
        "sample_checklist": item.sample_checklist,
        "materials": [{"name": m.name, "required": m.required, "key": m.key, "form": m.form, "copies": m.copies,
                       "note": m.note} for m in item.materials],
    })


def _changed_fields(old: ItemSpec, new: ItemSpec) -> tuple[str, ...]:
    a, b = old.model_dump(), new.model_dump()  # python values: Decimal("0") == Decimal("0.00")
    return tuple(name for name in b if a.get(name) != b[name])


def _diff(uow: UnitOfWork, remote: RemoteCatalog) -> CatalogDiff:
    latest = uow.catalog.latest_version(ITEMS)
    local = {item.code: item for item in uow.catalog.all_items() if item.active and not item.withdrawn}
    added, changed = [], []
    for spec in remote.items:
        item = local.get(spec.code)
        if item is None:
            added.append(ItemChange(spec.code, spec.name))
            continue
        fields = _changed_fields(spec_of(item), spec)
        if fields:
            changed.append(ItemChange(spec.code, spec.name, fields))
    listed = {spec.code for spec in remote.items}
    withdrawn = [ItemChange(code, item.name) for code, item in sorted(local.items()) if code not in listed]
    return CatalogDiff(remote.version, latest.version if latest else None, tuple(added), tuple(changed),
                       tuple(withdrawn))


def diff(db: Database, remote: RemoteCatalog) -> CatalogDiff:
    with db.unit_of_work() as uow:
        return _diff(uow, remote)


def apply(db: Database, remote: RemoteCatalog, *, actor: str, expected: CatalogDiff | None = None) -> CatalogDiff:
    """Apply the platform's catalog in ONE transaction; any failure leaves the old catalog whole.

    With `expected` (the diff the administrator saw) a catalog that changed meanwhile is refused.
    """
    with db.unit_of_work(write=True) as uow:
        result = _diff(uow, remote)
        if expected is not None and (result.current, result.added, result.changed, result.withdrawn) != (
                expected.current, expected.added, expected.changed, expected.withdrawn):
            raise CatalogUpdateError("catalog.changed_since")
        _write(uow, remote, result, actor)
    log.info("catalog version %s applied: %d added, %d changed, %d withdrawn",
             remote.version, len(result.added), len(result.changed), len(result.withdrawn))
    return result


def _write(uow: UnitOfWork, remote: RemoteCatalog, result: CatalogDiff, actor: str) -> None:
    touched = {c.code for c in (*result.added, *result.changed)}
    specs = [spec for spec in remote.items if spec.code in touched]
    uow.catalog.store(specs, {spec.code: _search_keys(spec) for spec in specs}, replace=False)
    items = {item.code: item for item in uow.catalog.all_items()}
    for spec in specs:
        items[spec.code].withdrawn = False
    for spec in remote.items:  # every listed item is now of this version (kept below), changed or not
        items[spec.code].catalog_version = remote.version
    for change in result.withdrawn:
        items[change.code].withdrawn, items[change.code].active = True, False
        items[change.code].catalog_version = remote.version
    keep_versions(uow, remote)
    uow.catalog.add_version(CatalogVersion(kind=ITEMS, version=remote.version, actor=actor, added=len(result.added),
                                           changed=len(result.changed), withdrawn=len(result.withdrawn)))
    uow.audit.append("catalog_updated", actor=actor, subject=f"catalog:{remote.version}",
                     added=len(result.added), changed=len(result.changed), withdrawn=len(result.withdrawn))


def keep_versions(uow: UnitOfWork, remote: RemoteCatalog) -> None:
    """Every item as this version has it: the checklist a case started under stays readable."""
    for spec in remote.items:
        uow.catalog.keep_item_version(remote.version, spec.code, spec.model_dump_json())
    uow.flush()


def item_as_started(db: Database, number: str) -> ItemSpec | None:
    """The item of case `number` as the catalog version it started under had it (None: that
    version came from a file, whose items are not kept; read the item itself then)."""
    with db.unit_of_work() as uow:
        case = uow.cases.by_number(number)
        return _spec_as_started(uow, case, uow.cases.item_of(case)) if case is not None else None


def _spec_as_started(uow: UnitOfWork, case: Case, item: ServiceItem) -> ItemSpec | None:
    if case.catalog_version is None:
        return None
    spec = uow.catalog.item_version(case.catalog_version, item.code)
    return ItemSpec.model_validate(json.loads(spec)) if spec else None


@dataclass(frozen=True)
class StartedLine:
    """A checklist line as a kept version has it, shaped like a MaterialRequirement row."""

    position: int
    name: str
    required: bool
    key: bool
    form: str
    copies: int
    note: str
    id: int = -1  # never a row's id: a case's materials find these lines by position and name


@dataclass(frozen=True)
class StartedItem:
    """A case's item as the version it started under had it, shaped like a ServiceItem row."""

    id: int
    code: str
    name: str
    department: str
    case_type: str
    promised_days: int
    materials: tuple[StartedLine, ...]


def case_item(uow: UnitOfWork, case: Case) -> ServiceItem | StartedItem:
    """What a case in progress is read against: its item as the catalog version it started with had
    it (its name, promise, checklist), or the item as it is now when no platform version was kept."""
    item = uow.cases.item_of(case)
    spec = _spec_as_started(uow, case, item)
    if spec is None:
        return item
    lines = tuple(StartedLine(index, m.name, m.required, m.key, m.form.value, m.copies, m.note)
                  for index, m in enumerate(spec.materials, start=1))  # positions as the catalog stores them
    return StartedItem(item.id, spec.code, spec.name, spec.department, spec.case_type.value, spec.promised_days,
                       lines)


def current_version(db: Database) -> str | None:
    with db.unit_of_work() as uow:
        latest = uow.catalog.latest_version(ITEMS)
        return latest.version if latest else None
