"""``commedu docx``: the plan as the document a township issues, and read back by ``commedu import``.

The round trip holds for what a township's document can carry and the importer reads: the title
and year, 指导思想 and 工作目标, every task with its number, title and measures (with their lead
phrases), every mechanism with its number, title, kind and measures, the 配档表's title, and each
item's *when* as written, title and departments by name. Ids, ``serves``, stations, places, target
groups, figures and descriptions are the plan file's own, not the document's.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commedu import Plan, load_plan
from commedu._messages import Lang
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from commedu.importer import draft_from_bytes
from commedu.model.parts import Task
from commedu.report.plan_document import plan_docx
from tests.conftest import ROOT
from tests.strategies import plans
from tests.wording import foreign_words, plan_text

#: Every plan the project ships: the example, the documentation's and the tests' own (a plan
#: file is the one with a [township]; the rest are ledgers and profiles).
SHIPPED = sorted(
    p
    for pattern in ("examples/*.toml", "docs/**/*.toml", "tests/plans/*.toml")
    for p in ROOT.glob(pattern)
    if "township" in tomllib.loads(p.read_text("utf-8"))
)


def _kinded(task: Task) -> bool:
    """Whether the task's heading names its mechanisms' kind, the way the importer tells them."""
    return any(word in task.title for word in ("管理", "引领", "保障", "机制"))


def carried(plan: Plan) -> dict[str, Any]:
    """What of ``plan`` a document carries, in the shape the comparison needs."""
    tasks = []
    for task in plan.tasks:
        measures = [(m.title, m.text) for m in task.measures]
        mechanisms = []
        for mechanism in task.mechanisms:
            texts = [m.text for m in mechanism.measures]
            if _kinded(task):
                mechanisms.append((mechanism.title, mechanism.kind.value, texts))
            else:  # a heading that names no kind: its numbered items read back as measures
                measures.append((mechanism.title, "".join(texts)))
        tasks.append((task.number, task.title, measures, mechanisms))
    return {
        "title": plan.title,
        "year": plan.year,
        "guiding_principles": plan.guiding_principles,
        "goals": plan.goals,
        "tasks": tasks,
        "activities": [
            (a.wording, a.title, [d.name for d in a.responsible]) for a in plan.activities
        ],
    }


def read_back(data: bytes) -> dict[str, Any]:
    """What ``commedu import`` makes of a document, in the same shape as :func:`carried`."""
    draft = tomllib.loads(draft_from_bytes(data, "plan.docx").text)

    def measures(items: list[Any]) -> list[tuple[str, str]]:
        return [(m["title"], m["text"]) if isinstance(m, dict) else ("", m) for m in items]

    return {
        "title": draft["title"],
        "year": draft["year"],
        "guiding_principles": draft.get("guiding_principles", ""),
        "goals": draft.get("goals", ""),
        "tasks": [
            (
                t["number"],
                t["title"],
                measures(t.get("measures", [])),
                [
                    (m["title"], m["kind"], [text for _, text in measures(m.get("measures", []))])
                    for m in t.get("mechanisms", [])
                ],
            )
            for t in draft.get("tasks", [])
        ],
        "activities": [
            (a["when"], a["title"], a["responsible"])
            for a in draft.get("schedule", {}).get("activities", [])
        ],
    }


def test_every_shipped_plan_is_tried() -> None:
    names = {p.name for p in SHIPPED}
    assert {"jinshan_2021.toml", "qingshi_2022.toml", "taolin_2011.toml"} <= names
    # the example, the tutorial's plan and those in tests/plans
    assert len(names) == 2 + len(list((ROOT / "tests" / "plans").glob("*.toml")))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_import_gives_back_what_the_document_carries(path: Path) -> None:
    plan = load_plan(path)
    back, expected = read_back(plan_docx(plan)), carried(plan)
    assert back == expected


def test_the_schedule_has_its_title_or_one_made_from_the_plan() -> None:
    plan = load_plan(ROOT / "tests" / "plans" / "qiling_2021.toml")
    assert not plan.schedule.title
    paragraphs = [p.text for p in docx.Document(io.BytesIO(plan_docx(plan))).paragraphs]
    assert "2021年齐陵街道社区教育工作配档表" in paragraphs
    titled = load_plan(ROOT / "examples" / "jinshan_2021.toml")
    paragraphs = [p.text for p in docx.Document(io.BytesIO(plan_docx(titled))).paragraphs]
    assert "2021年金山镇社区教育重点工作配档表" in paragraphs


def test_a_plan_of_several_years_names_them_all_over_its_schedule() -> None:
    plan = load_plan(ROOT / "tests" / "plans" / "taolin_2011.toml")
    assert not plan.schedule.title
    assert plan.last_year == 2015
    paragraphs = [p.text for p in docx.Document(io.BytesIO(plan_docx(plan))).paragraphs]
    assert f"2011—2015年{plan.township.name}社区教育工作配档表" in paragraphs


def test_the_front_matter_stands_between_title_and_body() -> None:
    taolin = load_plan(ROOT / "tests" / "plans" / "taolin_2011.toml")
    said = [p.text for p in docx.Document(io.BytesIO(plan_docx(taolin))).paragraphs]
    assert said[:4] == [
        "桃林镇人民政府",  # the 发文机关标志, then the 文号 under it (GB/T 9704-2012 §7.2)
        "桃政发〔2011〕12号",
        taolin.title,
        "关于下发桃林镇社区教育建设“十二五”规划的通知",
    ]
    qiling = load_plan(ROOT / "tests" / "plans" / "qiling_2021.toml")
    said = [p.text for p in docx.Document(io.BytesIO(plan_docx(qiling))).paragraphs]
    front = said[: said.index("一、指导思想")]
    assert front[2] == "各委办各工作社区各村（居）有关部门："
    # The covering notice signs itself; the issuer and date are not said again after the body.
    assert front.count("齐陵街道党政办公室") == 2  # the 发文机关标志 and the notice's signature
    assert said.count("齐陵街道党政办公室") == 2
    assert any("2021年" in line for line in front)


def test_an_issue_date_is_written_in_the_documents_language() -> None:
    plan = load_plan(ROOT / "docs" / "tutorial" / "qingshi_2022.toml")
    zh = [p.text for p in docx.Document(io.BytesIO(plan_docx(plan))).paragraphs]
    en = [p.text for p in docx.Document(io.BytesIO(plan_docx(plan, "en"))).paragraphs]
    # The 发文机关署名 and the 成文日期 close the body, before the 配档表's page.
    assert zh[-3:-1] == ["青石镇人民政府", "2022年2月18日"]
    assert en[-3:-1] == ["青石镇人民政府", "18 February 2022"]
    assert "1. Guiding principles" in en
    assert "一、指导思想" in zh


def document_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    said = [p.text for p in document.paragraphs]
    said += [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join(said)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_the_document_speaks_only_its_language_beyond_the_plans_own_text(
    path: Path, lang: Lang
) -> None:
    own = plan_text(path)
    text = document_text(plan_docx(load_plan(path), lang))
    assert foreign_words(text, lang, own) == set()
    # ... and the check sees a word of the other language where one would leak
    assert foreign_words(text + "\nGoals 工作", lang, own) == (
        {"Goals"} if lang == "zh" else {"工", "作"}
    )


@settings(max_examples=15)
@given(plans(), st.sampled_from(["zh", "en"]))
def test_any_plan_makes_a_document_that_keeps_its_text(plan: Plan, lang: Lang) -> None:
    data = plan_docx(plan, lang)
    assert plan_docx(plan, lang) == data  # the same plan, the same bytes
    text = document_text(data)
    said = [plan.title, *(t.title for t in plan.tasks), *(a.title for a in plan.activities)]
    said += [m.text for t in plan.tasks for m in t.measures]
    for own in said:
        assert own.replace("\r", "\n") in text  # Word keeps a line break as a break
    titles = [p for p in docx.Document(io.BytesIO(data)).paragraphs if p.style.name == "Title"]
    assert titles[0].text == plan.title.replace("\r", "\n")


# -- the command -----------------------------------------------------------------------------------

JINSHAN = str(ROOT / "examples" / "jinshan_2021.toml")


def test_docx_writes_the_file_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "plan.docx"
    assert main(["--lang", "zh", "docx", JINSHAN, "-o", str(out)]) == EXIT_OK
    assert str(out) in capsys.readouterr().out
    assert out.read_bytes() == plan_docx(load_plan(JINSHAN), "zh")
    assert main(["docx", JINSHAN, "-o", str(out), "--lang", "en"]) == EXIT_OK
    assert out.read_bytes() == plan_docx(load_plan(JINSHAN), "en")


def test_docx_speaks_the_plans_language_unless_told(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["docx", JINSHAN]) == EXIT_OK  # named after the plan's id
    assert (tmp_path / "jinshan-2021.docx").read_bytes() == plan_docx(load_plan(JINSHAN), "zh")
    capsys.readouterr()


def test_docx_refuses_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--lang", "en", "docx", JINSHAN, "-o", "-"]) == EXIT_USAGE
    assert "-o plan.docx" in capsys.readouterr().err


def test_docx_of_a_bad_plan_names_every_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('id = "x"\nyear = 1800\ntitle = ""\n', "utf-8")
    assert main(["--lang", "en", "docx", str(bad), "-o", str(tmp_path / "x.docx")]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "bad.toml" in err
    assert "line" in err
    assert not (tmp_path / "x.docx").exists()
    assert main(["docx", str(tmp_path / "missing.toml")]) == EXIT_USAGE


def test_docx_says_why_it_cannot_write(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "a-folder.docx"
    folder.mkdir()
    assert main(["--lang", "en", "docx", JINSHAN, "-o", str(folder)]) == EXIT_USAGE
    assert "a-folder.docx" in capsys.readouterr().err


def test_the_written_document_imports_from_the_command_line(tmp_path: Path) -> None:
    out, draft = tmp_path / "plan.docx", tmp_path / "draft.toml"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for args in (["docx", JINSHAN, "-o", str(out)], ["import", str(out), "-o", str(draft)]):
        subprocess.run(
            [sys.executable, "-m", "commedu", *args], check=True, capture_output=True, env=env
        )
    assert tomllib.loads(draft.read_text("utf-8"))["title"] == "金山镇2021年社区教育工作计划"
