"""``commedu report --level town``: each town's village stations and schools, from the command line.

The command runs end to end in a subprocess, as a clerk runs it, and its output is read back:
the JSON's units, the HTML table's rows and the Word table's rows. A town whose ledger is
missing is a row that says so, never an abort.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from commedu import load_plan
from commedu._messages import render
from commedu.datafile.ledger import load_ledger
from commedu.model.ledger import Ledger
from commedu.report.district import Missing, towns_docx, towns_html, towns_json, towns_rows
from commedu.report.inspection import inspect
from tests.conftest import EXAMPLES, ROOT
from tests.wording import foreign_words, plan_text

JINSHAN = load_plan(EXAMPLES / "jinshan_2021.toml")


def commedu(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "commedu", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=300,
        check=False,
    )


@pytest.fixture(scope="module")
def district(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two towns: Jinshan with its ledger, Qiling without one."""
    folder = tmp_path_factory.mktemp("district")
    shutil.copyfile(EXAMPLES / "jinshan_2021.toml", folder / "jinshan.toml")
    shutil.copyfile(EXAMPLES / "jinshan_2021_ledger.toml", folder / "jinshan.ledger.toml")
    shutil.copyfile(ROOT / "tests" / "plans" / "qiling_2021.toml", folder / "qiling.toml")
    return folder


def jinshan_units() -> list[str]:
    report = inspect(JINSHAN, load_ledger(EXAMPLES / "jinshan_2021_ledger.toml", JINSHAN))
    return [c.label for c in report.by_unit]


def test_the_json_lists_each_towns_units_and_the_missing_ledger(district: Path) -> None:
    done = commedu(
        "--lang", "en", "report", "--district", str(district), "--level", "town", "--format",
        "json", "--as-of", "2021-12-31", cwd=district,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["schema"] == "commedu.town/1"
    (town,) = data["towns"]
    assert (town["plan"], town["township"], town["year"]) == ("jinshan-2021", "金山镇", 2021)
    assert [u["label"] for u in town["units"]] == jinshan_units()
    assert [u["key"] for u in town["units"]][: len(JINSHAN.stations)] == [
        s.id for s in JINSHAN.stations
    ]
    assert all(u["due"] >= u["held"] >= 0 for u in town["units"])
    assert data["missing"] == [
        {
            "plan": "qiling-2021",
            "township": "齐陵街道",
            "year": 2021,
            "expected": "qiling.ledger.xlsx",
        }
    ]
    assert "qiling.ledger" in done.stderr  # the note on the terminal too


def test_the_word_roll_up_has_a_row_per_unit_and_one_for_the_missing_ledger(
    district: Path, tmp_path: Path
) -> None:
    out = tmp_path / "towns.docx"
    done = commedu(
        "--lang", "zh", "report", "--district", str(district), "--level", "town", "-o", str(out),
        "--as-of", "2021-12-31", cwd=district,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert str(out) in done.stdout
    document = docx.Document(io.BytesIO(out.read_bytes()))
    assert document.paragraphs[0].text == render("district-units-title", "zh")
    (table,) = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0][:2] == [render("district-township", "zh"), render("district-unit", "zh")]
    assert [r[1] for r in rows[1:] if r[0] == "金山镇"] == jinshan_units()
    assert [r for r in rows[1:] if r[0] == "齐陵街道"] == [
        ["齐陵街道", "无台账：未找到 qiling.ledger.xlsx", "—", "—", "—", "—"]
    ]
    assert [r[0] for r in rows[1:]] == sorted(r[0] for r in rows[1:])  # towns by name


def test_one_town_from_its_plan_and_ledger_as_a_page(tmp_path: Path) -> None:
    out = tmp_path / "town.html"
    done = commedu(
        "--lang", "en", "report", str(EXAMPLES / "jinshan_2021.toml"),
        str(EXAMPLES / "jinshan_2021_ledger.toml"), "--level", "town", "-o", str(out),
        "--report-lang", "zh", "--as-of", "2021-12-31", cwd=tmp_path,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    page = out.read_text("utf-8")
    assert render("district-units-title", "zh") in page
    headers = re.findall(r'<th scope="row">([^<]*)</th>', page)
    assert headers == ["金山镇"] * len(jinshan_units())
    # the report is the town level, not the inspection report of the same files
    assert render("inspection-by-unit", "zh") not in page


def test_a_bad_level_is_refused_with_the_choices(tmp_path: Path) -> None:
    done = commedu("--lang", "en", "report", "--district", ".", "--level", "village", cwd=tmp_path)
    assert done.returncode == 2
    assert "district" in done.stderr
    assert "town" in done.stderr
    assert "Traceback" not in done.stderr


# -- the rows themselves ---------------------------------------------------------------------------


def test_a_town_without_stations_or_schools_says_so() -> None:
    plan = load_plan(ROOT / "tests" / "plans" / "taolin_2011.toml")  # names neither
    bare = inspect(plan, Ledger(plan.id, plan.year))
    assert bare.by_unit == ()
    assert towns_rows([bare], "en") == [
        ["桃林镇", render("inspection-none", "en"), "—", "—", "—", "—"]
    ]
    assert json.loads(towns_json([bare]))["towns"][0]["units"] == []


def test_the_rows_speak_the_language_asked_for() -> None:
    missing = Missing(JINSHAN, "jinshan.ledger.xlsx")
    assert towns_rows([missing], "en")[0][1] == "no ledger: jinshan.ledger.xlsx not found"
    assert towns_rows([missing], "zh")[0][1] == "无台账：未找到 jinshan.ledger.xlsx"
    page = towns_html([missing], "en")
    assert "no ledger: jinshan.ledger.xlsx not found" in page
    assert json.loads(towns_json([missing]))["towns"] == []
    assert towns_rows([], "en") == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_town_faces_speak_only_their_language_beyond_the_plans_own_text(lang: str) -> None:
    report = inspect(JINSHAN, load_ledger(EXAMPLES / "jinshan_2021_ledger.toml", JINSHAN))
    qiling = load_plan(ROOT / "tests" / "plans" / "qiling_2021.toml")
    entries = [report, Missing(qiling, "qiling.ledger.xlsx")]
    own = plan_text(EXAMPLES / "jinshan_2021.toml") | plan_text(
        ROOT / "tests/plans/qiling_2021.toml"
    )
    own |= {"qiling.ledger.xlsx"}
    page = re.sub(r"(?s)<style.*?</style>", "", towns_html(entries, lang))  # type: ignore[arg-type]
    page = re.sub(r"<[^>]+>", " ", page)
    said = docx.Document(io.BytesIO(towns_docx(entries, lang)))  # type: ignore[arg-type]
    cells = " ".join(c.text for t in said.tables for row in t.rows for c in row.cells)
    text = "\n".join([*(p.text for p in said.paragraphs), cells, page])
    assert foreign_words(text, lang, own) == set()  # type: ignore[arg-type]
