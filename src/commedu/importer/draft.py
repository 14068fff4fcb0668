"""The draft plan file: what the importer read, as TOML a clerk finishes by hand.

Every guess carries a ``# 请核对：… / please check: …`` comment beside it, and text that fitted
nowhere is kept at the end as comments, with where it stood, so nothing of the document is lost.
The draft is laid out like the file ``commedu init`` writes, so the clerk meets one shape.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

import tomli_w

from commedu._messages import LANGS, Term, render
from commedu.importer.document import Cell, Paragraph, Where
from commedu.importer.frame import PlaceDraft, TargetDraft
from commedu.importer.notes import Note
from commedu.importer.outline import MeasureDraft, Outline, StationDraft, TaskDraft
from commedu.importer.schedule import ActivityDraft, ScheduleDraft
from commedu.model.placeholders import plan_id as spelt_id
from commedu.model.places import UnitKind

__all__ = ["CHECK", "write_draft"]

#: notes the draft shows beside what they are about rather than in its opening list
_INLINE = frozenset(
    {
        "note-kind-guessed",
        "note-kind-default",
        "note-station",
        "note-alias",
        "note-no-title",
        "note-no-township",
        "note-no-year",
        "note-document-number",
        "note-issued-on",
        "note-issuers",
        "note-preamble",
        "note-period",
        "note-title-from-notice",
        "note-header-number",
        "note-header-issued-on",
        "note-header-issuer",
        "note-title-quoted",
        "note-issuers-joint",
        "note-title-lines",
        "note-preamble-notice",
        "note-opening",
        "note-unit-from-issuer",
        "note-period-backwards",
        "note-target-year",
        "note-target-year-outside",
        "note-target-stage",
    }
)

#: where each column role of the 配档表 goes in an activity
_KEYS = {
    "when": "when",
    "deadline": "when / description",
    "work": "title",
    "lead": "responsible",
    "partner": "responsible",
    "other": "description",
}

CHECK = "请核对"  #: the word every guess's comment starts with, so a clerk can search for it


def _toml(value: str) -> str:
    """``value`` as a TOML string, escaped as TOML requires (quotes, backslashes, controls)."""
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")


def _comment_text(text: str) -> str:
    # A TOML comment holds no control character but tab, and ends at the line's end.
    return "".join(
        " " if unicodedata.category(c) == "Cc" and c != "\t" else c for c in text
    ).strip()


def _check(code: str, **params: object) -> str:
    return _both(render(code, "zh", **params), render(code, "en", **params))


def _both(zh: str, en: str) -> str:
    """A comment that asks the clerk to check something, in Chinese and then English."""
    zh = render("draft-check", "zh", message=_comment_text(zh))
    return f"# {zh} / {render('draft-check', 'en', message=_comment_text(en))}"


def _note_line(note: Note) -> str:
    return _both(note.describe("zh"), note.describe("en"))


def _said(notes: Iterable[Note], *codes: str) -> list[str]:
    """The comments of the frame's notes of these codes: how a field was read, and from where."""
    return [_both(n.message("zh"), n.message("en")) for n in notes if n.code in codes]


def _quoted(text: str, where: Where) -> list[str]:
    lines = [f"# {_comment_text(where.describe('zh'))} / {_comment_text(where.describe('en'))}:"]
    lines.extend(f"#   {_comment_text(line)}" for line in text.splitlines() if line.strip())
    return lines


def _strings(values: Iterable[str]) -> str:
    return "[" + ", ".join(_toml(v) for v in values) + "]"


def _measure(measure: MeasureDraft) -> str:
    if measure.title:
        return f"{{ title = {_toml(measure.title)}, text = {_toml(measure.text)} }}"
    return _toml(measure.text)


def _measures(measures: tuple[MeasureDraft, ...]) -> list[str]:
    if not measures:
        return []
    return ["measures = [", *(f"    {_measure(m)}," for m in measures), "]"]


def _task(task: TaskDraft) -> list[str]:
    lines = [""]
    if task.section:
        lines.append(f"# {_comment_text(task.section)}")
    lines += [
        "[[tasks]]",
        f'id = "t{task.number}"',
        f"number = {task.number}",
        f"title = {_toml(task.title)}",
        *_measures(task.measures),
    ]
    for mechanism in task.mechanisms:
        kind = f'kind = "{mechanism.kind}"'
        lines += [
            "",
            "[[tasks.mechanisms]]",
            f'id = "t{task.number}.m{mechanism.number}"',
            f"number = {mechanism.number}",
            f"title = {_toml(mechanism.title)}",
            _check("draft-kind-word", word=mechanism.kind_word)
            if mechanism.kind_word
            else _check("draft-kind-default", kind=Term("kind-mechanism-management")),
            kind,
            *_measures(mechanism.measures),
        ]
    return lines


def _station(number: int, station: StationDraft) -> list[str]:
    return [
        "",
        _check("draft-station"),
        "[[stations]]",
        f'id = "s{number}"',
        f"name = {_toml(station.name)}",
        f"place = {_toml(station.place)}",
        f"theme = {_toml(station.theme)}",
        f"description = {_toml(station.description)}",
    ]


def _activity(activity: ActivityDraft) -> list[str]:
    lines = ["", *(_note_line(n) for n in activity.notes), "[[schedule.activities]]"]
    lines += [
        f"id = {_toml(activity.id)}",
        f"title = {_toml(activity.title)}",
        f"when = {_toml(activity.when)}",
        f"responsible = {_strings(activity.responsible)}",
    ]
    if activity.description:
        lines.append(f"description = {_toml(activity.description)}")
    return lines


def _place(number: int, place: PlaceDraft) -> list[str]:
    return [
        "",
        _check("draft-place", name=place.name),
        "[[places]]",
        f'id = "p{number}"',
        f"name = {_toml(place.name)}",
        f"kind = {_toml(place.kind)}",
    ]


def _target_when(target: TargetDraft, years: range) -> tuple[list[str], list[Note]]:
    """The year or stage a target is for, as the draft writes it, and the note if it cannot be.

    A year is written where the plan has several and it is one of them; a year outside the
    plan's is said, not written, since the plan would not load with it.
    """
    if target.stage is not None:
        return [
            _check("note-target-stage", stage=target.stage),
            f"stage = {_toml(target.stage)}",
        ], []
    if target.year is None or not years or (target.year in years and len(years) == 1):
        return [], []
    if target.year in years:
        return [_check("note-target-year", year=target.year), f"year = {target.year}"], []
    shown = f"{years[0]}" if len(years) == 1 else f"{years[0]}—{years[-1]}"
    note = Note(target.where, "note-target-year-outside", {"year": target.year, "years": shown})
    return [_check(note.code, **note.params)], [note]


def _target(number: int, target: TargetDraft, when: list[str]) -> list[str]:
    lines = [
        "",
        _check("draft-target", where=Term("where-paragraph", number=target.where.paragraph))
        if target.where.paragraph
        else _check("draft-target-text"),
        "[[targets]]",
        f'id = "target-{number}"',
        f"what = {_toml(target.what)}",
        f"comparator = {_toml(target.comparator)}",
        f"value = {_toml(f'{target.value:f}')}",
        f"unit = {_toml(target.unit)}",
        *when,
        f"text = {_toml(target.text)}",
    ]
    if target.approximate:  # beside the comparator it makes a guess of
        lines.insert(
            lines.index(f"comparator = {_toml(target.comparator)}"), _check("draft-target-about")
        )
    return lines


def write_draft(
    outline: Outline,
    schedule: ScheduleDraft,
    unplaced: Iterable[Paragraph | Cell],
    source: str,
    *,
    places: Iterable[PlaceDraft] = (),
    targets: Iterable[TargetDraft] = (),
) -> tuple[str, tuple[Note, ...]]:
    """The draft's TOML text and the notes of its own guesses (plan id, issuer, centre...)."""
    notes: list[Note] = []
    frame = outline.frame
    year = outline.year
    title = outline.title.text if outline.title else ""
    title_where = outline.title.where if outline.title else Where()
    township = outline.township
    # the plan's years, which a target's year must be one of
    years = range(year, (frame.last_year or year) + 1) if year else range(0)

    def both(code: str, sep: str = " / ", **params: object) -> str:
        return f"{render(code, 'zh', **params)}{sep}{render(code, 'en', **params)}"

    written = {"source": _comment_text(source)}
    out = [
        f"# {_comment_text(title) or '社区教育工作计划'} — {both('draft-head-title')}",
        f"# {both('draft-head-source', ' ', **written)}",
        *(f"# {render('draft-head-search', lang, check=CHECK)}" for lang in LANGS[::-1]),
        f"# {both('draft-head-check')}:  commedu validate FILE",
        f"# {both('draft-head-format')}: docs/reference/plan-file-format.md",
    ]
    general = [n for n in (*outline.notes, *schedule.notes) if n.code not in _INLINE]
    if general:
        out.append("#")
        out.extend(_note_line(n) for n in general)

    if township and year:
        plan_id = spelt_id(township, year)
        notes.append(Note(title_where, "note-plan-id-spelt", {"value": plan_id}))
        out += ["", _check("note-plan-id-spelt", value=plan_id), f"id = {_toml(plan_id)}"]
    else:
        plan_id = f"township-{year}" if year else "township"
        notes.append(Note(title_where, "note-plan-id", {"value": plan_id}))
        out += ["", _check("note-plan-id", value=plan_id), f"id = {_toml(plan_id)}"]
    out += _said(frame.notes, "note-period-backwards")
    if year is None:
        out += [_check("note-no-year"), "year = 0"]
    else:
        out.append(f"year = {year}")
    if frame.last_year is not None:
        out += [
            _check("note-period", first=year, last=frame.last_year),
            f"last_year = {frame.last_year}",
        ]
    if not title:
        out.append(_check("note-no-title"))
    elif frame.title is not None:
        out += _said(frame.notes, "note-title-from-notice", "note-title-quoted", "note-title-lines")
    out.append(f"title = {_toml(title)}")
    if frame.issued_on is not None:
        day = frame.issued_on[0].isoformat()
        out += [
            *_said(frame.notes, "note-issued-on", "note-header-issued-on"),
            f"issued_on = {day}",
        ]
    if frame.document_number is not None:
        value = frame.document_number.text
        out += [
            *_said(frame.notes, "note-document-number", "note-header-number"),
            f"document_number = {_toml(value)}",
        ]
    issuer = "、".join(i.text for i in frame.issuers)
    if issuer:
        out += [
            *_said(frame.notes, "note-issuers", "note-header-issuer", "note-issuers-joint"),
            f"issuer = {_toml(issuer)}",
        ]
    if frame.preamble is not None and frame.opening is not None:  # the covering notice
        out += [
            *_said(frame.notes, "note-preamble-notice"),
            f"preamble = {_toml(frame.preamble.text)}",
        ]
    elif frame.preamble is not None:
        count = frame.preamble.text.count("\n") + 1
        out += [_check("note-preamble", count=count), f"preamble = {_toml(frame.preamble.text)}"]
    for key, part in (
        ("guiding_principles", outline.guiding_principles),
        ("goals", outline.goals),
    ):
        if part is not None and part is frame.opening:  # the plan's opening, under no heading
            out += ["", *_said(frame.notes, "note-opening"), f"{key} = {_toml(part.text)}"]
        elif part is not None:
            out += ["", f"# {_comment_text(part.heading)}", f"{key} = {_toml(part.text)}"]

    out += ["", "[township]"]
    if not township:
        out.append(_check("note-no-township"))
    out += _said(frame.notes, "note-unit-from-issuer")
    out.append(f"name = {_toml(township)}")
    # The unit's kind is its name's last word: 金山镇 is a 镇, 稷下街道 a 街道.
    kind = next((k for k in UnitKind if township.endswith(k.value)), None)
    if kind is not None:
        out.append(f"kind = {_toml(kind.value)}")
    if outline.district:
        notes.append(Note(title_where, "note-district", {"value": outline.district}))
        out.append(_check("note-district", value=outline.district))
    notes.append(Note(title_where, "note-province"))
    out += [
        f"district = {_toml(outline.district)}",
        'city = ""',
        _check("note-province"),
        'province = ""',
    ]

    if title:
        out += ["", "[source]", f"title = {_toml(title)}"]
        if issuer:
            out.append(f"issuer = {_toml(issuer)}")
        elif township:
            notes.append(Note(title_where, "note-issuer", {"value": township}))
            out += [_check("note-issuer", value=township), f"issuer = {_toml(township)}"]
    if township and outline.mentions_centre:
        centre = f"{township}社区教育中心"
        notes.append(Note(title_where, "note-centre", {"value": centre}))
        out += ["", "[centre]", _check("note-centre", value=centre), f"name = {_toml(centre)}"]

    if schedule.departments:
        out += ["", f"# {render('draft-departments', 'zh')} / {render('draft-departments', 'en')}"]
    aliases = {n.params["name"]: n for n in schedule.notes if n.code == "note-alias"}
    for number, name in enumerate(schedule.departments, 1):
        out.append("")
        if name in aliases:
            out.append(_check("note-alias", **aliases[name].params))
        out += ["[[departments]]", f'id = "d{number}"', f"name = {_toml(name)}"]
    for number, station in enumerate(outline.stations, 1):
        out += _station(number, station)
    for number, place in enumerate(places, 1):
        notes.append(Note(place.where, "note-place", {"name": place.name}))
        out += _place(number, place)
    for number, target in enumerate(targets, 1):
        notes.append(Note(target.where, "note-target", {"text": target.text}))
        if target.approximate:
            notes.append(Note(target.where, "note-target-about", {"what": target.what}))
        when, said = _target_when(target, years)
        notes.extend(said)
        out += _target(number, target, when)
    for task in outline.tasks:
        out += _task(task)

    if schedule.activities or schedule.title:
        out += ["", "[schedule]"]
        if schedule.columns:
            read_as = "；".join(
                f"{_comment_text(h)} → {_KEYS[role]}" for h, role in schedule.columns
            )
            out.append(
                f"# {render('draft-columns', 'zh')} / {render('draft-columns', 'en')}: {read_as}"
            )
        out.append(f"title = {_toml(schedule.title)}")
    for activity in schedule.activities:
        out += _activity(activity)

    leftovers = list(unplaced)
    if leftovers:
        out += ["", f"# —— {render('draft-unplaced', 'zh')} / {render('draft-unplaced', 'en')} ——"]
        for item in leftovers:
            out += _quoted(item.text, item.where)
    return "\n".join(out) + "\n", tuple(notes)
