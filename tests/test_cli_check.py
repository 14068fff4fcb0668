"""``commedu check`` and ``commedu rules``: output, languages and exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import commedu
from commedu.cli import EXIT_FAILED, EXIT_OK, EXIT_USAGE, main
from tests.conftest import EXAMPLES

JINSHAN = str(EXAMPLES / "jinshan_2021.toml")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_jinshan_fails_on_error_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    # CE403 (no elder smart-technology training in the 配档表) is an error.
    code, out, err = run(capsys, "check", JINSHAN)
    assert code == EXIT_FAILED
    assert "CE403 elder-smart-technology-training [error] fail" in out
    assert err == ""


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--ignore", "CE403"], EXIT_OK),  # the remaining failures are warnings and info
        (["--ignore", "CE403", "--fail-on", "warning"], EXIT_FAILED),
        (["--select", "CE1,CE2", "--fail-on", "warning"], EXIT_OK),  # CE105 is info
        (["--select", "CE30", "--ignore", "CE303"], EXIT_OK),
        (["--select", "CE30", "--select", "CE303", "--fail-on", "warning"], EXIT_FAILED),
    ],
)
def test_fail_on_and_selection_decide_the_exit_code(
    capsys: pytest.CaptureFixture[str], args: list[str], expected: int
) -> None:
    assert run(capsys, "check", JINSHAN, *args)[0] == expected


def test_json_output_follows_the_documented_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "zh", "check", JINSHAN, "--format", "json")
    data = json.loads(out)
    assert data["schema"] == "commedu.compliance/2"
    assert data["lang"] == "zh"
    assert data["profile"]["name"] == "shandong-township"
    by_code = {r["code"]: r for r in data["results"]}
    duplicate = by_code["CE303"]
    assert {k: duplicate[k] for k in ("name", "severity", "status")} == {
        "name": "no-duplicate-activity",
        "severity": "warning",
        "status": "fail",
    }
    assert duplicate["location"] == "schedule.activities[23]"
    assert "“校外培训机构专项治理”" in duplicate["message"]
    assert by_code["CE213"]["missing"] == ["resources.budget", "township.resident_population"]
    assert data["counts"] == {"pass": 16, "fail": 6, "not-evaluable": 3, "not-applicable": 3}
    assert code == EXIT_FAILED


def test_markdown_output_and_profile_override(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        capsys, "check", JINSHAN, "--format", "markdown", "--profile", "national-demonstration"
    )
    assert out.startswith("# Compliance report\n")
    assert "| CE203 | funding-committed | error | fail |" in out


def test_output_is_deterministic(capsys: pytest.CaptureFixture[str]) -> None:
    first = run(capsys, "check", JINSHAN, "--format", "json")[1]
    assert run(capsys, "check", JINSHAN, "--format", "json")[1] == first


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.toml"], "missing.toml"),
        # A problem with an option is said about the option.
        ([JINSHAN, "--profile", "nowhere"], "commedu check: --profile nowhere: 'nowhere' is "),
        ([JINSHAN, "--profile", "nowhere.toml"], "commedu check: --profile nowhere.toml: "),
        ([JINSHAN, "--select", "CE9"], "commedu check: --select CE9: 'CE9' selects no rule"),
        ([JINSHAN, "--ignore", "CE1,XY"], "commedu check: --ignore XY: 'XY' selects no rule"),
        ([JINSHAN, "--format", "pdf"], "pdf"),
        ([JINSHAN, "--fail-on", "info"], "info"),
    ],
)
def test_misuse_and_unreadable_files_exit_2_without_a_traceback(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "check", *args)
    assert code == EXIT_USAGE
    assert message in err
    assert "Traceback" not in err
    assert out == ""


def test_an_invalid_plan_file_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "plan.toml"
    bad.write_text('id = "Bad Id"\n', encoding="utf-8")
    code, _, err = run(capsys, "--lang", "zh", "check", str(bad))
    assert code == EXIT_FAILED
    assert "plan.toml" in err


def test_a_plan_naming_an_unknown_profile_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    text = Path(JINSHAN).read_text(encoding="utf-8")
    plan = tmp_path / "plan.toml"
    plan.write_text(text.replace('profile = "shandong-township"', 'profile = "hebei"'), "utf-8")
    code, _, err = run(capsys, "--lang", "zh", "check", str(plan))
    assert code == EXIT_FAILED
    assert "'hebei'" in err
    assert "内置标准档案" in err
    assert "--profile" not in err  # the plan named it, not an option


def test_rules_lists_every_rule(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "rules")
    assert code == EXIT_OK
    lines = out.splitlines()
    assert [line.split()[0] for line in lines] == [r.code for r in commedu.rules()]
    assert lines[0].split()[:3] == ["CE101", "schedule-not-empty", "error"]
    assert lines[-1].split()[:3] == ["CE505", "elder-share", "info"]


def test_rules_documents_one_rule_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "zh", "rules", "CE303")
    assert code == EXIT_OK
    # Rendered for a terminal: the heading and emphasis without their Markdown marks.
    assert out.startswith("CE303 no-duplicate-activity — 工作不重复\n───")
    assert "  • 通过的例子" in out
    assert "未通过" in out.replace("\n    ", "")  # wrapped lines continue under the item
    assert "**" not in out
    assert "`" not in out
    assert "##" not in out


def test_rules_by_prefix_and_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert [line.split()[0] for line in run(capsys, "rules", "CE40")[1].splitlines()] == [
        "CE401",
        "CE402",
        "CE403",
        "CE404",
    ]
    data = json.loads(run(capsys, "rules", "CE2", "--format", "json")[1])
    assert [r["code"] for r in data][:2] == ["CE200", "CE201"]
    assert run(capsys, "rules", "XY1")[0] == EXIT_USAGE
