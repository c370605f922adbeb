"""The catalog of service items: load and validate files, import them, search them."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from hallapp.domain import pinyin
from hallapp.domain.items import ItemSpec
from hallapp.resources import resource_path
from hallapp.storage import Database, UnitOfWork
from hallapp.storage.repositories.catalog import ImportCounts

log = logging.getLogger(__name__)

STARTER_CATALOG = ("catalog", "starter.yaml")


class CatalogError(ValueError):
    """A catalog file that cannot be used. The message names file, line and field."""


class _Lines(dict):
    """A YAML mapping that remembers the line of each key (1-based)."""

    lines: dict[str, int]
    line: int


class _LineLoader(yaml.SafeLoader):
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> _Lines:
        _refuse_duplicate_keys(node)
        mapping = _Lines(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.lines = {self.construct_object(k): k.start_mark.line + 1 for k, _ in node.value}
        return mapping


def _refuse_duplicate_keys(node: yaml.MappingNode) -> None:
    """YAML keeps the last of two equal keys without a word; a catalog must not lose the first silently."""
    first: dict[object, int] = {}
    for key_node, _value in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else id(key_node)
        line = key_node.start_mark.line + 1
        if key in first:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key '{key}' (first at line {first[key]})", key_node.start_mark)
        first[key] = line


class _SeqLines(list):
    line: int


def _construct_seq(loader: _LineLoader, node: yaml.SequenceNode) -> _SeqLines:
    seq = _SeqLines(loader.construct_sequence(node, deep=True))
    seq.line = node.start_mark.line + 1
    return seq


def _construct_map(loader: _LineLoader, node: yaml.MappingNode) -> _Lines:
    return loader.construct_mapping(node)


# SafeLoader's own constructors build plain dicts and lists; ours keep the line numbers.
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)
_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)


def _line_of(doc: Any, loc: Sequence[Any]) -> int:
    """The line of the deepest node of `loc` that the document can still point to."""
    line = getattr(doc, "line", 1)
    node = doc
    for part in loc:
        if isinstance(node, dict) and part in node:
            line = node.lines.get(part, line) if hasattr(node, "lines") else line
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            node = node[part]
            line = getattr(node, "line", line)
        else:
            break
    return line


def _field_path(loc: Sequence[Any]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass(frozen=True)
class Catalog:
    source: Path
    items: tuple[ItemSpec, ...]
    items_line: int = 1


def load_catalog(path: Path) -> Catalog:
    """Read and validate a catalog file; raise CatalogError naming file, line and field."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError(f"{path}: cannot read ({exc})") from exc
    try:
        doc = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - SafeLoader subclass
    except yaml.constructor.ConstructorError as exc:
        raise CatalogError(f"{path}:{_mark_line(exc)}: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise CatalogError(f"{path}:{_mark_line(exc)}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    except RecursionError as exc:  # a catalog is three levels deep; thousands are a broken or hostile file
        raise CatalogError(f"{path}:1: lists or mappings nested too deeply to be a catalog") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise CatalogError(f"{path}:1: items: the file must have a list 'items'")
    if doc.get("version") != 1:
        raise CatalogError(f"{path}:{_line_of(doc, ['version'])}: version: expected 1")
    items: list[ItemSpec] = []
    seen: dict[str, int] = {}
    names: dict[str, int] = {}
    for index, raw in enumerate(doc["items"]):
        try:
            spec = ItemSpec.model_validate(raw)
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = ["items", index, *err["loc"]]
            where = _field_path(loc)
            raise CatalogError(f"{path}:{_line_of(doc, loc)}: {where}: {err['msg']}") from exc
        if spec.code in seen:
            line = _line_of(doc, ["items", index, "code"])
            raise CatalogError(f"{path}:{line}: items[{index}].code: {spec.code} already used at line {seen[spec.code]}")
        seen[spec.code] = _line_of(doc, ["items", index, "code"])
        if spec.name in names:
            line = _line_of(doc, ["items", index, "name"])
            raise CatalogError(f"{path}:{line}: items[{index}].name: {spec.name} already used at line {names[spec.name]}")
        names[spec.name] = _line_of(doc, ["items", index, "name"])
        items.append(spec)
    return Catalog(path, tuple(items), _line_of(doc, ["items"]))


def _mark_line(exc: yaml.YAMLError) -> int:
    mark = getattr(exc, "problem_mark", None)
    return mark.line + 1 if mark else 1


def starter_catalog_path() -> Path:
    return resource_path(*STARTER_CATALOG)


def import_catalog(db: Database, path: Path, *, merge: bool = False, actor: str = "system",
                   allow_empty: bool = False) -> ImportCounts:
    """Replace (default) or merge the catalog from a file, in one transaction.

    The whole file is validated before anything is written: a bad file changes nothing. An empty
    file would withdraw every item: that takes ``allow_empty``.
    """
    catalog = load_catalog(path)
    if not catalog.items and not merge and not allow_empty:
        raise CatalogError(f"{path}:{catalog.items_line}: items: the list is empty and would withdraw every item "
                           "of the catalog: add --allow-empty if that is what you want")
    with db.unit_of_work(write=True) as uow:
        counts = store_catalog(uow, catalog, merge=merge, actor=actor)
    log.info("catalog %s imported: %s", path.name, counts)
    return counts


def store_catalog(uow: UnitOfWork, catalog: Catalog, *, merge: bool = False, actor: str = "system") -> ImportCounts:
    """Write a validated catalog inside a caller's transaction."""
    keys = {spec.code: _search_keys(spec) for spec in catalog.items}
    counts = uow.catalog.store(catalog.items, keys, replace=not merge)
    listed = {spec.code for spec in catalog.items}
    for item in uow.catalog.all_items():
        if item.code in listed:
            item.catalog_version = None  # a file's item is no platform version: a case started now keeps the file's lines
    uow.audit.append("catalog_imported", actor=actor, subject=f"catalog:{catalog.source.name}",
                     mode="merge" if merge else "replace", added=counts.added,
                     updated=counts.updated, deactivated=counts.deactivated)
    return counts


def _search_keys(spec: ItemSpec) -> tuple[str, str]:
    """Pinyin keys for the name and every alias, '|'-separated so a match never spans two names."""
    names = [spec.name, *spec.aliases]
    # A leading '|' lets a search match the start of any one name's full pinyin ("|shebaoka").
    return "|".join(pinyin.initials(n) for n in names), "".join("|" + pinyin.full(n) for n in names)


@dataclass(frozen=True)
class ItemHit:
    code: str
    name: str
    department: str
    case_type: str
    promised_days: int


def search(db: Database, text: str, limit: int = 20) -> list[ItemHit]:
    with db.unit_of_work() as uow:
        return [
            ItemHit(i.code, i.name, i.department, i.case_type, i.promised_days)
            for i in uow.catalog.search(text, limit)
        ]


@dataclass(frozen=True)
class ChecklistLine:
    position: int
    name: str
    required: bool
    key: bool
    form: str  # original | copy | electronic
    copies: int
    note: str


@dataclass(frozen=True)
class ItemChecklist:
    code: str
    name: str
    department: str
    case_type: str
    promised_days: int
    sample: bool
    lines: tuple[ChecklistLine, ...]


def checklist(db: Database, code: str) -> ItemChecklist | None:
    """An item with its material checklist, as the intake step shows it."""
    with db.unit_of_work() as uow:
        item = uow.catalog.by_code(code)
        if item is None or not item.active:
            return None
        return ItemChecklist(
            item.code, item.name, item.department, item.case_type, item.promised_days, item.sample_checklist,
            tuple(ChecklistLine(m.position, m.name, m.required, m.key, m.form, m.copies, m.note) for m in item.materials),
        )
