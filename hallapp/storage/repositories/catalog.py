from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import case, func, or_, select
from sqlalchemy.orm import Session, selectinload

from hallapp.domain.items import ItemSpec
from hallapp.storage.models import CatalogItemVersion, CatalogVersion, MaterialRequirement, ServiceItem


@dataclass(frozen=True)
class ImportCounts:
    added: int
    updated: int
    deactivated: int


class CatalogRepository:
    def __init__(self, session: Session) -> None:
        self.session = session

    def by_code(self, code: str) -> ServiceItem | None:
        return self.session.scalars(
            select(ServiceItem).where(ServiceItem.code == code).options(selectinload(ServiceItem.materials))
        ).first()

    def active_count(self) -> int:
        return self.session.scalar(select(func.count(ServiceItem.id)).where(ServiceItem.active)) or 0

    def store(self, specs: Sequence[ItemSpec], keys: dict[str, tuple[str, str]], *, replace: bool) -> ImportCounts:
        """Upsert items by code. `replace` deactivates items the file does not list.

        Items are deactivated, never deleted: old cases still point at them.
        `keys` maps code → (pinyin initials, full pinyin).
        """
        existing = {
            item.code: item
            for item in self.session.scalars(select(ServiceItem).options(selectinload(ServiceItem.materials)))
        }
        added = updated = 0
        for spec in specs:
            item = existing.get(spec.code)
            if item is None:
                item = ServiceItem(code=spec.code)
                self.session.add(item)
                added += 1
            else:
                updated += 1
            _fill(item, spec, keys[spec.code])
        deactivated = 0
        if replace:
            listed = {spec.code for spec in specs}
            for code, item in existing.items():
                if code not in listed and item.active:
                    item.active = False
                    deactivated += 1
        self.session.flush()
        return ImportCounts(added, updated, deactivated)

    def all_items(self) -> list[ServiceItem]:
        return list(self.session.scalars(select(ServiceItem).options(selectinload(ServiceItem.materials))))

    def latest_version(self, kind: str, year: int | None = None) -> CatalogVersion | None:
        """The last catalog (or year's calendar) applied from the platform."""
        query = select(CatalogVersion).where(CatalogVersion.kind == kind)
        if year is not None:
            query = query.where(CatalogVersion.year == year)
        return self.session.scalars(query.order_by(CatalogVersion.id.desc()).limit(1)).first()

    def add_version(self, row: CatalogVersion) -> None:
        self.session.add(row)
        self.session.flush()

    def keep_item_version(self, version: str, code: str, spec_json: str) -> None:
        self.session.add(CatalogItemVersion(version=version, code=code, spec=spec_json))

    def item_version(self, version: str, code: str) -> str | None:
        """An item's spec (JSON) as catalog `version` had it, or None."""
        return self.session.scalar(select(CatalogItemVersion.spec).where(
            CatalogItemVersion.version == version, CatalogItemVersion.code == code))

    def search(self, text: str, limit: int = 20) -> list[ServiceItem]:
        needle = text.strip()
        if not needle:
            return []
        low = needle.lower()
        query = (
            select(ServiceItem)
            .where(
                ServiceItem.active,
                or_(
                    ServiceItem.name.contains(needle, autoescape=True),
                    ServiceItem.aliases.contains(needle, autoescape=True),
                    ServiceItem.code.startswith(needle, autoescape=True),
                    ServiceItem.pinyin_initials.contains(low, autoescape=True),
                    ServiceItem.pinyin_full.contains("|" + low, autoescape=True),
                ),
            )
            .order_by(
                case(
                    (ServiceItem.code == needle, 0),
                    (ServiceItem.pinyin_initials.startswith(low, autoescape=True), 1),
                    (ServiceItem.name.startswith(needle, autoescape=True), 1),
                    else_=2,
                ),
                func.length(ServiceItem.name),
                ServiceItem.code,
            )
            .limit(limit)
        )
        return list(self.session.scalars(query))


def _fill(item: ServiceItem, spec: ItemSpec, keys: tuple[str, str]) -> None:
    item.name = spec.name
    item.aliases = "|".join(spec.aliases)
    item.department = spec.department
    item.item_type = spec.item_type
    item.processing_modes = ",".join(mode.value for mode in spec.processing_modes)
    item.case_type = spec.case_type.value
    item.promised_days = spec.promised_days
    item.fee = spec.fee
    item.batch = spec.batch
    item.sample_checklist = spec.sample_checklist
    item.pinyin_initials, item.pinyin_full = keys
    item.active = True
    item.materials = [
        MaterialRequirement(
            position=index,
            name=m.name,
            required=m.required,
            key=m.key,
            form=m.form.value,
            copies=m.copies,
            note=m.note,
        )
        for index, m in enumerate(spec.materials, start=1)
    ]
