"""The catalog as data: validated on load with file/line/field, imported transactionally, searchable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hallapp.services import catalog
from hallapp.storage import Database

STARTER = catalog.starter_catalog_path()

CONFIRMED = [
    "机动车驾驶证公证", "失业登记", "企业职工基本养老保险关系转移接续", "城乡居民基本养老保险关系转移接续",
    "正常退休提取住房公积金", "排污许可", "内资企业及分支机构设立登记", "不动产抵押登记", "购房提取住房公积金",
    "社会保障卡申领", "异地就医登记备案", "住房公积金转移接续", "户籍类证明开具", "无犯罪记录证明开具",
    "工作调动户口迁移", "大中专院校录取学生户口迁移", "大中专学生毕业户口迁移", "夫妻投靠户口迁移",
    "父母投靠子女户口迁移", "小型非营运客车二手车交易登记",
]


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "catalog.yaml"
    path.write_text(text, encoding="utf-8")
    return path


GOOD_ITEM = """\
version: 1
items:
  - code: "002099001000"
    name: 测试事项
    department: 测试部
    item_type: "20"
    processing_modes: [remote]
    case_type: promised
    promised_days: 5
    materials:
      - name: 居民身份证
        required: true
        key: true
        form: original
"""


def test_starter_catalog_carries_every_confirmed_item() -> None:
    names = {item.name for item in catalog.load_catalog(STARTER).items}
    assert set(CONFIRMED) <= names


def test_starter_checklists_allow_acceptance_with_a_gap() -> None:
    for item in catalog.load_catalog(STARTER).items:
        assert any(m.key for m in item.materials), item.name
        assert any(not m.key for m in item.materials), f"{item.name}: nothing may be deferred (容缺)"


@pytest.mark.parametrize(
    ("mutation", "line", "field", "words"),
    [
        (("form: original", "form: scan"), 14, "items[0].materials[0].form", "original"),
        (('code: "002099001000"', 'code: "0020990010"'), 3, "items[0].code", "length 10"),
        (('item_type: "20"', 'item_type: "55"'), 6, "items[0].item_type", "must be one of"),
        (("promised_days: 5", "promised_days: 0"), 3, "items[0]", "promised_days"),
        (("    department: 测试部\n", ""), 3, "items[0].department", "Field required"),
        (("required: true", "required: false"), 3, "items[0]", "key but optional"),
    ],
)
def test_bad_catalog_names_file_line_and_field(tmp_path: Path, mutation, line, field, words) -> None:
    path = _write(tmp_path, GOOD_ITEM.replace(*mutation))
    with pytest.raises(catalog.CatalogError) as err:
        catalog.load_catalog(path)
    message = str(err.value)
    assert message.startswith(f"{path}:{line}: {field}:"), message
    assert words in message


def test_yaml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_ITEM.replace("    department: 测试部", "    department: [测试部"))
    with pytest.raises(catalog.CatalogError, match=r"catalog.yaml:\d+: not valid YAML"):
        catalog.load_catalog(path)


def test_duplicate_code_is_refused_with_both_lines(tmp_path: Path) -> None:
    second = GOOD_ITEM.split("items:\n")[1].replace("测试事项", "另一事项")
    path = _write(tmp_path, GOOD_ITEM + second)
    with pytest.raises(catalog.CatalogError, match=r":15: items\[1\]\.code: 002099001000 already used at line 3"):
        catalog.load_catalog(path)


def test_bad_file_changes_nothing(any_db: Database, tmp_path: Path) -> None:
    catalog.import_catalog(any_db, STARTER)
    before = catalog.search(any_db, "社会保障卡")
    bad = _write(tmp_path, GOOD_ITEM.replace("form: original", "form: fax"))
    with pytest.raises(catalog.CatalogError):
        catalog.import_catalog(any_db, bad)
    assert catalog.search(any_db, "社会保障卡") == before
    assert catalog.search(any_db, "测试事项") == []


def test_replace_withdraws_unlisted_items_and_merge_keeps_them(any_db: Database, tmp_path: Path) -> None:
    catalog.import_catalog(any_db, STARTER)
    extra = _write(tmp_path, GOOD_ITEM)
    counts = catalog.import_catalog(any_db, extra, merge=True)
    assert (counts.added, counts.deactivated) == (1, 0)
    assert catalog.search(any_db, "失业登记")
    counts = catalog.import_catalog(any_db, extra)
    assert counts.updated == 1 and counts.deactivated >= 28
    assert catalog.search(any_db, "失业登记") == []
    assert [h.name for h in catalog.search(any_db, "cssx")] == ["测试事项"]


def test_reimport_updates_the_checklist(any_db: Database, tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_ITEM)
    catalog.import_catalog(any_db, path)
    path.write_text(GOOD_ITEM + "      - name: 申请表\n        required: true\n        key: false\n        form: original\n",
                    encoding="utf-8")
    catalog.import_catalog(any_db, path)
    with any_db.unit_of_work() as uow:
        item = uow.catalog.by_code("002099001000")
        assert [(m.name, m.key) for m in item.materials] == [("居民身份证", True), ("申请表", False)]


@pytest.mark.parametrize(
    ("query", "first"),
    [("sbk", "社会保障卡申领"), ("社会保障卡申领", "社会保障卡申领"), ("002011004000", "社会保障卡申领"),
     ("wfzjl", "无犯罪记录证明开具"), ("ydjy", "异地就医登记备案"), ("失业", "失业登记"), ("SBK", "社会保障卡申领")],
)
def test_search_by_name_code_or_pinyin_initials(any_db: Database, query: str, first: str) -> None:
    catalog.import_catalog(any_db, STARTER)
    hits = catalog.search(any_db, query)
    assert hits and hits[0].name == first


def test_search_treats_wildcards_as_text(any_db: Database) -> None:
    catalog.import_catalog(any_db, STARTER)
    assert catalog.search(any_db, "%") == []
    assert catalog.search(any_db, "_") == []


@pytest.mark.parametrize("query", ["社保卡", "shebaoka", "shehuibaozhang", "无犯罪证明"])
def test_search_finds_aliases_by_text_and_full_pinyin(any_db: Database, query: str) -> None:
    catalog.import_catalog(any_db, STARTER)
    assert catalog.search(any_db, query), query


def test_an_empty_catalog_does_not_withdraw_every_item_unless_asked(any_db: Database, tmp_path: Path) -> None:
    catalog.import_catalog(any_db, STARTER)
    empty = _write(tmp_path, "version: 1\nitems: []\n")
    with pytest.raises(catalog.CatalogError, match=r"catalog.yaml:2: items: .*empty.*--allow-empty"):
        catalog.import_catalog(any_db, empty)
    assert catalog.search(any_db, "社会保障卡")
    counts = catalog.import_catalog(any_db, empty, allow_empty=True)
    assert counts.deactivated >= 28 and catalog.search(any_db, "社会保障卡") == []


def test_a_duplicate_key_is_refused_with_both_lines(tmp_path: Path) -> None:
    path = _write(tmp_path, GOOD_ITEM.replace("    department: 测试部\n", "    department: 测试部\n    department: 别的部\n"))
    with pytest.raises(catalog.CatalogError, match=r"catalog.yaml:6: duplicate key 'department' \(first at line 5\)"):
        catalog.load_catalog(path)


@pytest.mark.parametrize(
    ("mutation", "field"),
    [(("promised_days: 5", "promised_days: 5\n    batch: 1180591620717411303424"), "items[0].batch"),
     (("promised_days: 5", "promised_days: 5\n    fee: 1e400"), "items[0].fee"),
     (("promised_days: 5", "promised_days: 5\n    fee: 123456789012"), "items[0].fee")],
)
def test_huge_numbers_are_refused_with_the_field(any_db: Database, tmp_path: Path, mutation, field) -> None:
    path = _write(tmp_path, GOOD_ITEM.replace(*mutation))
    with pytest.raises(catalog.CatalogError, match=rf"catalog.yaml:\d+: {re.escape(field)}:"):
        catalog.import_catalog(any_db, path)
    assert catalog.search(any_db, "测试事项") == []


def test_deep_nesting_is_refused_as_a_file_problem(tmp_path: Path) -> None:
    path = _write(tmp_path, "version: 1\nitems: " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(catalog.CatalogError, match=r"catalog.yaml:\d+: .*nest"):
        catalog.load_catalog(path)
