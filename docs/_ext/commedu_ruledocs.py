"""Sphinx extension: one reference page per compliance rule, written from the rule registry.

At build time it writes ``reference/rules/<CODE>.md`` for every rule ``commedu.rules()`` knows,
plus ``reference/rules/index.md`` listing them, so the rule reference says exactly what the code
does and cannot drift. The generated folder is git-ignored; a page is rewritten only when its
text changes, so incremental builds stay incremental.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import commedu
from commedu.compliance.ruledoc import rule_doc

FOLDER = Path("reference") / "rules"

_INDEX_HEAD = """\
# Rule reference

One page per rule, generated from the rule registry at build time: what the rule checks, why,
its source, a passing and a failing example (each run to show the real result) and the version
that introduced it. `commedu rules CODE` prints the same text; `commedu rules CODE --lang zh`
prints it in Chinese. See [the overview](../rules.md) for statuses, profiles and selection.

| Code | Name | Title | Default severity | Summary |
|---|---|---|---|---|
"""


def rule_page(rule: commedu.Rule) -> str:
    """A rule's page: its English entry, then the same entry in Chinese."""
    chinese = rule_doc(rule, "zh", level=2).split("\n", 2)[2]
    return f"{rule_doc(rule, 'en', level=1)}\n## 中文\n\n**{rule.title('zh')}**\n\n{chinese}"


def pages() -> dict[str, str]:
    """File name -> Markdown for every rule page and the index."""
    found = commedu.rules()
    rows = "".join(
        f"| [{r.code}]({r.code}.md) | `{r.name}` | {r.title('en')} | {r.severity.label('en')}"
        f" | {r.summary('en')} |\n"
        for r in found
    )
    toctree = "\n```{toctree}\n:hidden:\n\n" + "".join(f"{r.code}\n" for r in found) + "```\n"
    written = {f"{r.code}.md": rule_page(r) for r in found}
    written["index.md"] = _INDEX_HEAD + rows + toctree
    return written


def write_pages(folder: Path) -> list[Path]:
    """Write the pages into ``folder``, removing pages of rules that no longer exist."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = pages()
    changed = []
    for stale in folder.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        path = folder / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            changed.append(path)
    return changed


def _generate(app: Any) -> None:
    write_pages(Path(app.srcdir) / FOLDER)


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", _generate)
    return {"version": commedu.__version__, "parallel_read_safe": True}
