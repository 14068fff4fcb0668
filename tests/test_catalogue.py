"""The one catalogue: field labels for every plan-file key, kinds, the OS's reasons, and entries
that hold both languages with the same placeholders."""

from __future__ import annotations

import errno
import pickle
import re
import string
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from commedu._messages import (
    LANGS,
    MESSAGES,
    FieldPath,
    Lang,
    Term,
    field_label,
    is_field_path,
    kind_label,
    os_reason,
    render,
)
from commedu.datafile import plan as read
from commedu.errors import PlanFileError, Problem
from commedu.model.parts import Activity, Department, MechanismKind, Station
from commedu.model.places import Place, PlaceKind, UnitKind
from commedu.model.plan import Plan
from commedu.model.targets import Comparator
from commedu.model.when import ClockRange, When

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_ASCII_WORD = re.compile(r"[A-Za-z]{2,}")


# -- every key of the plan file format has a label --------------------------------------------


def _members(t: Any) -> list[Any]:
    if typing.get_origin(t) in (typing.Union, types.UnionType):
        return [a for a in typing.get_args(t) if a is not type(None)]
    return [t]


def keys(cl: type, prefix: str = "", *, leaves: frozenset[type] = frozenset()) -> Iterator[str]:
    """Every key under an attrs class, with indexes as ``[]``; ``leaves`` are not opened.

    A *when* is one string in a file, so it is a leaf; so is a part an activity names by
    reference (its department, station or place), whose own keys live at the top level.
    """
    hints = typing.get_type_hints(cl)
    for field in attrs.fields(cl):
        path = f"{prefix}.{field.name}" if prefix else field.name
        yield path
        for t in _members(hints[field.name]):
            if typing.get_origin(t) is tuple:
                (t,) = typing.get_args(t)[:1]
                path_item = f"{path}[]"
                yield path_item
            else:
                path_item = path
            if attrs.has(t) and t not in leaves and t is not cl:
                yield from keys(t, path_item, leaves=leaves)


# a day part's clock range is one string in a file too ("15:00-17:00")
WHEN_LEAVES = frozenset({read._WrittenWhen, ClockRange, *typing.get_args(When)})
#: the plan file format (datafile/plan.py's documents) and the model's Plan
FILE_KEYS = sorted(set(keys(read._PlanDoc, leaves=WHEN_LEAVES)))
REFERENCES = frozenset({Department, Station, Place})
MODEL_KEYS = sorted(
    set(keys(Plan, leaves=WHEN_LEAVES | {Activity}))
    | {f"schedule.activities[].{k}" for k in keys(Activity, leaves=WHEN_LEAVES | REFERENCES)}
)


def test_the_walk_finds_the_plan_file_format() -> None:
    assert len(FILE_KEYS) > 100
    for key in ("township.resident_population", "schedule.activities[].when", "tasks[]"):
        assert key in FILE_KEYS
    assert "tasks[].mechanisms[].measures[].text" in FILE_KEYS
    assert "schedule.activities[].when_text" in MODEL_KEYS
    assert not any(".when." in k for k in FILE_KEYS + MODEL_KEYS)  # a when is a leaf


@pytest.mark.parametrize("key", sorted(set(FILE_KEYS) | set(MODEL_KEYS)))
def test_every_key_has_a_label_in_both_languages(key: str) -> None:
    assert f"field:{key}" in MESSAGES, f"add a label for {key} to the catalogue"
    path = key.replace("[]", "[4]")
    assert is_field_path(path)
    zh, en = field_label(path, "zh"), field_label(path, "en")
    assert zh
    assert en
    assert zh != en
    assert not _ASCII_WORD.search(zh), zh
    assert not _CJK.search(en), en
    if key.endswith("[]"):
        assert "5" in zh
        assert "5" in en


@attrs.frozen
class _Part:
    name: str
    brand_new: int


@attrs.frozen
class _Doc:
    township: _Part


def test_a_field_without_a_label_is_found() -> None:
    missing = [k for k in keys(_Doc) if f"field:{k}" not in MESSAGES]
    assert missing == ["township.brand_new"]


def test_no_label_is_left_over() -> None:
    labelled = {code.removeprefix("field:") for code in MESSAGES if code.startswith("field:")}
    assert labelled <= set(FILE_KEYS) | set(MODEL_KEYS)


@pytest.mark.parametrize(
    ("path", "zh", "en"),
    [
        ("township.resident_population", "常住人口", "resident population"),
        ("schedule.activities[20]", "配档表第 21 项", "schedule item 21"),
        ("schedule.activities[20].when", "配档表第 21 项的时间", "time of schedule item 21"),
        (
            "tasks[1].mechanisms[0].measures[2].text",
            "第 2 项主要任务的第 1 项机制的第 3 条措施的内容",
            "text of measure 3 of mechanism 1 of task 2",
        ),
        ("commitments.staff.low", "承诺专兼职人员数下限", "fewest committed staff"),
        ("schedule.activities[0].responsible[1]", "配档表第 1 项的第 2 个责任部门", None),
        # a key the format does not have is quoted after the part it is in
        ("township.nmae", "镇街信息中的 “nmae”", "'nmae' in township"),
        ("schedule.activities[3].when.x", "配档表第 4 项的时间中的 “x”", None),
        ("yaer", "键 “yaer”", "the key 'yaer'"),
        ("township[0]", "镇街信息中的 “[0]”", None),
    ],
)
def test_field_labels(path: str, zh: str, en: str | None) -> None:
    assert field_label(path, "zh") == zh
    if en is not None:
        assert field_label(path, "en") == en


def test_a_field_label_refuses_an_unknown_language() -> None:
    with pytest.raises(TypeError, match="lang must be"):
        field_label("year", "fr")  # type: ignore[arg-type]


@given(st.text(max_size=40))
def test_any_path_gets_words(path: str) -> None:
    for lang in LANGS:
        assert field_label(path, lang)


# -- where a problem is ---------------------------------------------------------------------


def test_a_problem_is_placed_by_its_label_in_chinese_and_keeps_its_path_in_english() -> None:
    problem = Problem("schedule.activities[20].when", "bad-when", {"value": "x", "examples": "4月"})
    assert problem.place("zh") == "配档表第 21 项的时间"
    assert problem.place("en") == "schedule.activities[20].when (time of schedule item 21)"
    assert problem.describe("zh").startswith("配档表第 21 项的时间：")
    at_line = attrs.evolve(problem, line=3, column=7)
    assert at_line.place("zh") == "配档表第 21 项的时间（第 3 行第 7 列）"
    assert at_line.place("en") == (
        "schedule.activities[20].when (time of schedule item 21; line 3, column 7)"
    )


def test_a_problem_outside_the_plan_file_keys_or_without_a_path() -> None:
    profile = Problem("funding.per_resident", "negative", {"value": -1})
    assert profile.place("en") == "funding.per_resident"
    assert profile.place("zh") == "funding.per_resident"
    assert attrs.evolve(profile, line=2).place("en") == "funding.per_resident (line 2, column 1)"
    assert attrs.evolve(profile, line=2).place("zh") == "funding.per_resident（第 2 行第 1 列）"
    cell = Problem("B3 (计划工作 Planned activity)", "negative", {"value": -1})
    assert cell.place("zh") == "B3 (计划工作 Planned activity)"  # the ledger's room names it
    whole = Problem("", "empty-file")
    assert (whole.place("en"), whole.place("zh")) == ("(plan)", "（计划）")
    assert attrs.evolve(whole, line=1).place("zh") == "第 1 行第 1 列"


def test_a_plan_file_error_in_chinese_names_no_path() -> None:
    text = 'id = "x"\nyear = 2021\ntitle = "t"\n[township]\nname = "某镇"\ndistrict = "区"\n'
    text += 'city = "市"\nprovince = "省"\nresident_population = -1\n'
    with pytest.raises(PlanFileError) as info:
        read.loads_plan(text)
    said = info.value.describe("zh")
    assert "常住人口（第 9 行第 1 列）：" in said
    assert "resident_population" not in said
    assert "township.resident_population (resident population; line 9" in str(info.value)


# -- the operating system's reasons -----------------------------------------------------------

NAMED = ["ENOENT", "EACCES", "EISDIR", "ENOTDIR", "ENOSPC", "EROFS", "ENAMETOOLONG", "EEXIST"]


@pytest.mark.parametrize("name", NAMED)
def test_an_os_error_is_said_by_its_errno(name: str) -> None:
    number = getattr(errno, name)
    reason = os_reason(OSError(number, "the C library's own words"))
    assert isinstance(reason, Term)
    assert reason == render(f"os-{name}", "en")
    zh = reason.said("zh")
    assert _CJK.search(zh)
    assert not _ASCII_WORD.search(zh)
    message = render("cli-cannot-write", "zh", file="a.toml", reason=reason)
    assert message == f"无法写入 a.toml：{zh}"
    assert "C library" not in message


def test_an_os_error_without_an_entry_or_a_number() -> None:
    number = next(n for n, name in sorted(errno.errorcode.items()) if f"os-{name}" not in MESSAGES)
    reason = os_reason(OSError(number, "whatever"))
    assert reason.said("zh") == f"操作系统报告错误 {errno.errorcode[number]}（错误号 {number}）"
    assert os_reason(OSError("no number")).said("zh") == "操作系统未说明原因"
    assert (
        os_reason(FileNotFoundError(errno.ENOENT, "x", "f")).said("en") == "no such file or folder"
    )


def test_a_read_only_target_keeps_its_own_reason() -> None:
    from commedu.errors import ReadOnlyError

    error = ReadOnlyError("plan.ics")
    assert error.errno == errno.EACCES
    assert os_reason(error) == "the file is read-only; make it writable first"
    assert os_reason(error).said("zh") == "文件是只读的；请先取消只读"
    assert os_reason(OSError(errno.EACCES, "x")).said("zh") == "没有权限"


def test_a_term_pickles_and_compares_as_its_english() -> None:
    reason = os_reason(OSError(errno.ENOSPC, "x"))
    again = pickle.loads(pickle.dumps(reason))
    assert isinstance(again, Term)
    assert again == reason == "the disk is full"
    assert again.said("zh") == "磁盘已满"
    problem = Problem("", "unreadable", {"value": "a.toml", "reason": reason})
    assert pickle.loads(pickle.dumps(problem)).message("zh") == "无法读取 a.toml：磁盘已满"


# -- kinds --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "members"),
    [
        ("mechanism", MechanismKind),
        ("unit", UnitKind),
        ("place", PlaceKind),
        ("comparator", Comparator),
    ],
)
def test_every_kind_has_words_in_both_languages(kind: str, members: Any) -> None:
    for member in members:
        en, zh = member.label("en"), member.label("zh")
        assert en == kind_label(kind, member.value, "en")
        assert _CJK.search(zh)
        assert not _ASCII_WORD.search(zh)
        assert not _CJK.search(en)
    assert MechanismKind.MANAGEMENT.chinese == "管理机制"
    assert (Comparator.AT_LEAST.zh, Comparator.AT_LEAST.en) == ("不低于", "at least")


def test_a_kind_inside_a_message_is_said_in_its_language() -> None:
    term = Term("kind-mechanism-management")
    params = {"task": "实施三项管理机制", "word": "管理", "kind": term}
    assert render("note-kind-guessed", "zh", **params).endswith("定为 管理机制")
    assert "of kind management," in render("note-kind-guessed", "en", **params)


# -- every entry ----------------------------------------------------------------------------


def _fields(template: str) -> set[str]:
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return {re.split(r"[.\[!:]", name)[0].removesuffix("_zh") for name in names}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_every_entry_has_both_languages_with_the_same_placeholders(code: str) -> None:
    entry = MESSAGES[code]
    assert set(entry) == set(LANGS)
    assert all(entry[lang].strip() or entry[lang] == " " for lang in LANGS), code
    # English also keeps a plan file's path beside a field's label, for programs.
    assert _fields(entry["en"]) - {"path"} == _fields(entry["zh"]) - {"path"}
    percent = re.compile(r"%\(\w+\)[sr]|%[sr]")
    assert sorted(percent.findall(entry["en"])) == sorted(percent.findall(entry["zh"]))


def test_the_placeholder_check_would_notice_a_difference() -> None:
    assert _fields("{value!r} is {kind}") == {"value", "kind"}
    assert _fields("{value!r} 是{kind_zh}") == {"value", "kind"}
    assert _fields("{a}") != _fields("{b}")


def test_the_first_of_two_equal_ids_is_said_in_words() -> None:
    from commedu.model.parts import duplicates

    (plan_level,) = duplicates(["a", "a"], "schedule.activities[{}].id", "schedule.activities")
    assert plan_level.message("en").startswith("id 'a' is already used by schedule.activities[0]")
    assert plan_level.message("zh") == "标识 'a' 已被 配档表第 1 项 使用；标识不能重复"
    (in_a_part,) = duplicates(["b", "c", "b"], "activities[{}].id", "activities")
    assert "已被 第 1 项 使用" in in_a_part.message("zh")
    assert FieldPath("somewhere").said("zh") == "somewhere"  # neither a key nor an item
    (other,) = duplicates(["x", "x"], "rows[{}]", "rows")
    assert pickle.loads(pickle.dumps(other)).message("zh").startswith("标识 'x' 已被 第 1 项")


def test_a_recurrence_that_holds_its_start_says_so_in_chinese() -> None:
    from datetime import datetime, timedelta
    from zoneinfo import ZoneInfo

    from commedu.errors import PlanError
    from commedu.model.when import Recurrence

    start = datetime(2021, 3, 1, 9, tzinfo=ZoneInfo("Asia/Shanghai"))
    with pytest.raises(PlanError) as info:
        Recurrence(start, timedelta(hours=1), "FREQ=WEEKLY;COUNT=2;DTSTART=20210301T090000")
    (problem,) = info.value.problems
    assert "DTSTART 应写在开始时间中，而不是写进规则" in problem.message("zh")
    assert "DTSTART belongs in the start, not the rule" in problem.message("en")


@pytest.mark.parametrize("lang", LANGS)
def test_a_calendar_says_its_labels_as_the_catalogue_does(lang: Lang) -> None:
    from commedu.calendar.items import _FIELDS, _labels

    separator, labels = _labels(lang)
    assert separator == render("cal-list", lang)
    for code in _FIELDS:
        label = render(code, lang)
        assert labels[code] + "值" == render("cal-field", lang, label=label, value="值")
