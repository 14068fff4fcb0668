"""Reading and writing plan files: the examples and round trips."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import given

from commedu import Plan, PlanFileError, dumps_plan, load_plan, loads_plan, parse_when
from commedu.datafile.plan import _ActivityDoc, _PlanDoc

from .conftest import EXAMPLES
from .strategies import plans


def test_jinshan_toml_is_the_jinshan_plan(jinshan: Plan) -> None:
    assert load_plan(EXAMPLES / "jinshan_2021.toml") == jinshan


def test_jinshan_toml_resolves_aliases_to_one_department(jinshan: Plan) -> None:
    plan = load_plan(EXAMPLES / "jinshan_2021.toml")
    # The 5月 row prints 镇职能部门, an alias of 各职能部门: both rows land on one department.
    may = plan.activity("m05-1").responsible[0]
    january = plan.activity("m01-1").responsible[0]
    assert may is plan.department("functional-departments")
    assert may == january
    assert plan.activity("m07-2").when == parse_when("7-8月", 2021)
    assert plan.commitments.funding_per_resident == Decimal("1")


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_jinshan_round_trips(jinshan: Plan, fmt: str) -> None:
    assert loads_plan(dumps_plan(jinshan, fmt), fmt) == jinshan  # type: ignore[arg-type]


def test_a_file_s_bytes_read_as_the_file_does(jinshan: Plan) -> None:
    data = (EXAMPLES / "jinshan_2021.toml").read_bytes()
    assert loads_plan(data) == jinshan
    for broken, code in ((b"\xef\xbb\xbf" + data, "bom"), ("标题".encode("gbk"), "not-utf8-gbk")):
        with pytest.raises(PlanFileError) as info:
            loads_plan(broken)
        assert [p.code for p in info.value.problems] == [code]


@given(plans())
def test_every_plan_round_trips_through_toml(plan: Plan) -> None:
    assert loads_plan(dumps_plan(plan, "toml"), "toml") == plan


@given(plans())
def test_every_plan_round_trips_through_json(plan: Plan) -> None:
    assert loads_plan(dumps_plan(plan, "json"), "json") == plan


@given(plans())
def test_dumping_is_deterministic_and_a_fixed_point(plan: Plan) -> None:
    for fmt in ("toml", "json"):
        text = dumps_plan(plan, fmt)
        assert dumps_plan(plan, fmt) == text
        assert dumps_plan(loads_plan(text, fmt), fmt) == text


MINIMAL = """
id = "dongshan-2022"
year = 2022
title = "东山镇2022年社区教育工作计划"

[township]
name = "东山镇"
district = ""
city = ""
province = "山东省"
"""


@pytest.mark.parametrize(
    ("written", "amount"),
    [('"1"', "1"), ("1", "1"), ('"0.10"', "0.10"), ("1.10", "1.10"), ("0.1", "0.1")],
)
def test_money_is_exact_whether_written_as_text_integer_or_float(written: str, amount: str) -> None:
    plan = loads_plan(MINIMAL + f"\n[commitments]\nfunding_per_resident = {written}\n")
    money = plan.commitments.funding_per_resident
    assert isinstance(money, Decimal)
    assert str(money) == amount  # the digits as written: no binary float in between


def test_json_floats_are_read_as_their_decimal_text() -> None:
    text = dumps_plan(loads_plan(MINIMAL), "json").replace(
        '"year": 2022,', '"year": 2022,\n  "resources": {"budget": 12345.67},'
    )
    assert str(loads_plan(text, "json").resources.budget) == "12345.67"


def test_references_by_id_or_name_give_the_same_plan() -> None:
    by_name = loads_plan((EXAMPLES / "jinshan_2021.toml").read_text(encoding="utf-8"))
    by_id = loads_plan(dumps_plan(by_name))
    assert 'responsible = [\n    "functional-departments"' in dumps_plan(by_name)
    assert by_id == by_name


def test_dumped_text_keeps_chinese_unescaped(jinshan: Plan) -> None:
    for fmt in ("toml", "json"):
        text = dumps_plan(jinshan, fmt)  # type: ignore[arg-type]
        assert "金山镇2021年社区教育工作计划" in text
        assert "\\u" not in text


def test_a_toml_date_may_stand_for_a_when() -> None:
    text = MINIMAL + '\n[[schedule.activities]]\nid = "a"\ntitle = "开放日"\nwhen = 2022-03-08\n'
    assert loads_plan(text).activities[0].when == parse_when("3月8日", 2022)


def _documented_keys(heading: str) -> set[str]:
    page = (EXAMPLES.parent / "docs" / "reference" / "plan-file-format.md").read_text("utf-8")
    section = page.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE))


@pytest.mark.parametrize(
    ("heading", "cls"),
    [("Top level", _PlanDoc), ("`[[schedule.activities]]`: the 配档表", _ActivityDoc)],
)
def test_the_format_reference_documents_every_key(heading: str, cls: type) -> None:
    assert _documented_keys(heading) == {f.name for f in attrs.fields(cls)}


@given(plans())
def test_the_writer_leaves_out_what_is_at_its_default(plan: Plan) -> None:
    text = dumps_plan(plan, "toml")
    # funding_earmarked = false is said, not a default: "not ring-fenced" differs from silence.
    defaults = re.findall(r"^(\w+) = (?:false|\[\])$", text, re.MULTILINE)
    assert set(defaults) <= {"funding_earmarked"}, text
