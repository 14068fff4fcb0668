"""The plan's outline: its numbered sections (一、 （一） 1.) and what each one holds.

A 计划 numbers its parts in three levels. The first-level headings say what a section is
(指导思想, 工作目标, 主要任务 …); under the tasks, （一） starts a task and 1. a numbered item,
which is a mechanism when the task's heading names a kind of mechanism (管理机制, 引领机制, 保障)
and a measure otherwise. Text that fits none of this is handed back, never dropped.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable

import attrs

from commedu._messages import Term
from commedu.importer.document import Paragraph, Where
from commedu.importer.frame import Frame, Located, is_closing, read_frame
from commedu.importer.lists import item, split_items
from commedu.importer.notes import Note
from commedu.model.fieldcheck import define, mutable

__all__ = [
    "MeasureDraft",
    "MechanismDraft",
    "Outline",
    "StationDraft",
    "TaskDraft",
    "read_outline",
    "sentences",
]

_NUMERALS = "一二三四五六七八九十"
_LEVEL1 = re.compile(rf"([{_NUMERALS}]+)\s*[、.．]\s*(.*)", re.DOTALL)
_LEVEL2 = re.compile(rf"[（(]\s*([{_NUMERALS}]+)\s*[）)]\s*[、.．]?\s*(.*)", re.DOTALL)
_LEVEL3 = re.compile(r"(\d{1,2})\s*[.．、](?!\d)\s*(.*)", re.DOTALL)
#: a question of a page that explains a plan (问:主要任务包括哪些?): a heading like 一、…
_QUESTION = re.compile(r"问\s*[:：]\s*(.+)", re.DOTALL)
#: the answer's word before the text that answers it (答:1.建设…)
_ANSWER = re.compile(r"答\s*[:：]\s*")
_STATION = re.compile(r"“([^“”]{1,30}?社区教育工作站)”")
_THEME = re.compile(r"以(.+?)为(?:主体|主题|主要内容|代表|依托|主)")
#: closing lines (signatures, the date of issue) read from a document's end, at most
_MAX_CLOSING = 6
_SENTENCE = re.compile(r"[^。！？!?]*(?:[。！？!?]+[”’」』）)]*|$)")

#: first-level heading words -> the part of the plan the section fills, first match wins
_SECTIONS: tuple[tuple[str, str], ...] = (
    ("指导思想", "principles"),
    ("总体要求", "principles"),
    ("目标", "goals"),
    ("任务", "tasks"),
    ("措施", "tasks"),
    ("重点工作", "tasks"),
    ("保障", "tasks"),
)
#: words in a task's heading -> the kind of its mechanisms (model.MechanismKind values)
_KINDS: tuple[tuple[str, str], ...] = (
    ("管理", "management"),
    ("引领", "guidance"),
    ("保障", "safeguard"),
)


def sentences(text: str) -> list[str]:
    """``text`` cut after each 。！？ (a closing quote stays with its sentence)."""
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


def _lead(text: str) -> tuple[str, str]:
    """An item's lead phrase (up to its first 。 or ：) and the rest; no rest, no lead."""
    match = re.match(r"(.+?)[。：:](.*)", text, re.DOTALL)
    if match and match.group(2).strip():
        return match.group(1).strip(), match.group(2).strip()
    return "", text.strip()


@define
class MeasureDraft:
    text: str
    title: str
    where: Where


@define
class MechanismDraft:
    number: int
    title: str
    kind: str
    kind_word: str  #: the heading word the kind was guessed from, "" if none was found
    measures: tuple[MeasureDraft, ...]
    where: Where


@define
class TaskDraft:
    number: int
    title: str
    measures: tuple[MeasureDraft, ...]
    mechanisms: tuple[MechanismDraft, ...]
    where: Where
    section: str = ""  #: the first-level heading above, on the first task under it


@define
class StationDraft:
    name: str
    place: str
    theme: str
    description: str
    where: Where


@define
class Outline:
    title: Located | None
    township: str
    district: str
    year: int | None
    guiding_principles: Located | None
    goals: Located | None
    tasks: tuple[TaskDraft, ...]
    stations: tuple[StationDraft, ...]
    unplaced: tuple[Paragraph, ...]  #: text that fits nowhere, kept for the draft's comments
    notes: tuple[Note, ...]
    mentions_centre: bool
    frame: Frame  #: issuers, 文号, date of issue, preamble and the period, from around the outline


@mutable
class _Task:
    number: int
    title: str
    where: Where
    kind: str
    kind_word: str
    section: str
    measures: list[MeasureDraft] = attrs.Factory(list)
    mechanisms: list[MechanismDraft] = attrs.Factory(list)
    #: measures that continue the last mechanism, folded into it once it is complete (folding
    #: them in one paragraph at a time copied its measures each time: quadratic in a long task)
    tail: list[MeasureDraft] = attrs.Factory(list)


def _fold(task: _Task) -> None:
    if task.tail:
        last = task.mechanisms[-1]
        task.mechanisms[-1] = attrs.evolve(last, measures=last.measures + tuple(task.tail))
        task.tail.clear()


def _kind_of(title: str) -> tuple[str, str]:
    for word, kind in _KINDS:
        if word in title:
            return kind, word
    return ("management", "") if "机制" in title else ("", "")


def _item(task: _Task, number: int, body: str, where: Where) -> None:
    lead, rest = _lead(body)
    if task.kind:
        title = lead or body.rstrip("。").strip()
        measures = tuple(MeasureDraft(s, "", where) for s in sentences(rest if lead else ""))
        # Numbered in order of appearance: a document that restarts its 1. 2. keeps ids unique.
        del number
        _fold(task)
        task.mechanisms.append(
            MechanismDraft(
                len(task.mechanisms) + 1, title, task.kind, task.kind_word, measures, where
            )
        )
    else:
        task.measures.append(MeasureDraft(rest, lead, where))


def _continue(task: _Task, body: str, where: Where) -> None:
    found = tuple(MeasureDraft(s, "", where) for s in sentences(body))
    if task.kind and task.mechanisms:
        task.tail.extend(found)
    else:
        task.measures.extend(found)


def _freeze(task: _Task) -> TaskDraft:
    _fold(task)
    return TaskDraft(
        task.number,
        task.title,
        tuple(task.measures),
        tuple(task.mechanisms),
        task.where,
        task.section,
    )


def _stations(paragraphs: Iterable[Paragraph]) -> list[StationDraft]:
    found: dict[str, StationDraft] = {}
    for paragraph in paragraphs:
        for clause in re.split(r"[；;。]", paragraph.text):
            segment = 0  # where the words about the next station begin
            for match in _STATION.finditer(clause):
                name = match.group(1)
                words = clause[segment : match.end()]
                segment = match.end()
                if name in found:
                    continue
                start = words.find("以")
                description = words[max(start, 0) :].strip("和及与、，, ")
                theme = _THEME.search(description)
                place = name.removesuffix("社区教育工作站") or name
                found[name] = StationDraft(
                    name, place, theme.group(1) if theme else "", description, paragraph.where
                )
    return list(found.values())


def read_outline(paragraphs: Iterable[Paragraph]) -> Outline:
    """The outline of a plan from its paragraphs in reading order (tables already taken out)."""
    items = list(paragraphs)
    # A signature and a date of issue close many documents: the frame's, not the last task's.
    closing: list[Paragraph] = []
    while items and len(closing) < _MAX_CLOSING and is_closing(items[-1].text):
        closing.insert(0, items.pop())
    notes: list[Note] = []
    unplaced: list[Paragraph] = []
    front: list[Paragraph] = []  # before the first section: title, issuers, 文号, preamble
    section = ""  # "" before the first heading, then a _SECTIONS value or "other"
    texts: dict[str, list[Paragraph]] = {"principles": [], "goals": []}
    tasks: list[_Task] = []
    current: _Task | None = None
    headings: dict[str, str] = {}
    pending: Paragraph | None = None  # a tasks heading not yet given to a task
    items_are_tasks = False

    queue = deque(items)
    asked = False  # the last heading was a question: its answer's 答: is no part of the text
    while queue:
        paragraph = queue.popleft()
        text, where = paragraph.text, paragraph.where
        if asked and (answer := _ANSWER.match(text)):
            text = text[answer.end() :]
            if not text.strip():
                continue
            paragraph = Paragraph(text, where)
        if match := _LEVEL1.fullmatch(text) or _QUESTION.fullmatch(text):
            asked = match.re is _QUESTION
            if pending is not None:
                unplaced.append(pending)
            pending = None
            heading = match.group(match.lastindex or 1).strip()
            section = next((kind for word, kind in _SECTIONS if word in heading), "other")
            current = None
            items_are_tasks = False
            if section in texts and section in headings:
                section = "other"  # a second 指导思想 section: kept, not merged
            if section in texts:
                headings[section] = text
            elif section == "tasks":
                pending = paragraph
            if section == "other":
                unplaced.append(paragraph)
                notes.append(Note(where, "note-section-unknown", {"heading": heading}))
            elif section in texts and heading not in ("指导思想", "工作目标"):
                notes.append(Note(where, "note-section-guessed", {"heading": heading}))
            continue
        if section == "":
            front.append(paragraph)
            continue
        if section in texts:
            texts[section].append(paragraph)
            continue
        if section == "other":
            unplaced.append(paragraph)
            continue
        if len(pieces := split_items(text)) > 1:  # a list run on in one paragraph: its items
            queue.extendleft(reversed(_pieces(pieces, where)))
            continue
        level2 = _LEVEL2.fullmatch(text)
        level3 = None if level2 else _LEVEL3.fullmatch(text)
        if level2 or (level3 and (current is None or items_are_tasks)):
            # Under a tasks heading without （一） headings, 1. 2. 3. are the tasks themselves.
            items_are_tasks = level2 is None
            match = level2 or level3
            assert match is not None
            heading = match.group(2).strip()
            task_title, rest = _lead(heading)
            task_title = task_title or heading.rstrip("。")
            rest = rest if task_title != heading.rstrip("。") else ""
            kind, word = _kind_of(task_title)
            current = _Task(
                len(tasks) + 1, task_title, where, kind, word, pending.text if pending else ""
            )
            pending = None
            tasks.append(current)
            if rest:
                _continue(current, rest, where)
        elif current is None:
            unplaced.append(paragraph)
            notes.append(Note(where, "note-unplaced", {"text": _short(text)}))
        elif level3:
            _item(current, int(level3.group(1)), level3.group(2).strip(), where)
        else:
            _continue(current, text, where)

    if pending is not None:
        unplaced.append(pending)
    # A plan with no 指导思想 of its own opens with it: the paragraph after its title (为…，制定本方案。)
    frame = read_frame(front, closing, items, opening_is_principles=not texts["principles"])
    title, township, district, year = frame.title, frame.unit, frame.district, frame.year
    notes.extend(frame.notes)
    unplaced.extend(frame.record)  # the portal's record: read, and kept as it stood
    for paragraph in frame.unplaced:
        unplaced.append(paragraph)
        notes.append(Note(paragraph.where, "note-unplaced", {"text": _short(paragraph.text)}))
    if title is None:
        notes.append(Note(Where(), "note-no-title"))
    if not township:
        notes.append(Note(title.where if title else Where(), "note-no-township"))
    if year is None:
        notes.append(Note(title.where if title else Where(), "note-no-year"))
    for task in tasks:
        if task.kind and task.mechanisms:
            notes.append(
                Note(
                    task.where,
                    "note-kind-guessed" if task.kind_word else "note-kind-default",
                    {
                        "task": task.title,
                        "word": task.kind_word,
                        "kind": Term(f"kind-mechanism-{task.kind}"),
                    },
                )
            )
    stations = _stations(items)
    for station in stations:
        notes.append(Note(station.where, "note-station", {"name": station.name}))
    return Outline(
        title=title,
        township=township,
        district=district,
        year=year,
        guiding_principles=frame.opening
        or _joined(texts["principles"], headings.get("principles", "")),
        goals=_joined(texts["goals"], headings.get("goals", "")),
        tasks=tuple(_freeze(t) for t in tasks),
        stations=tuple(stations),
        unplaced=tuple(unplaced),
        notes=tuple(notes),
        mentions_centre=any("社区教育中心" in p.text for p in items),
        frame=frame,
    )


def _pieces(pieces: list[str], where: Where) -> list[Paragraph]:
    """The paragraphs a run-on list stands for: the text before it, then one per item as 1. …"""
    lead, *listed = pieces
    out = [Paragraph(lead.strip(), where)] if lead.strip() else []
    for piece in listed:
        found = item(piece)
        assert found is not None  # every piece after the first starts with its marker
        # spaced, so an item that opens with a figure (①2021年…) is still an item: 1. 2021年…
        out.append(Paragraph(f"{found[0]}. {found[1]}", where))
    return out


def _joined(paragraphs: list[Paragraph], heading: str) -> Located | None:
    if not paragraphs:
        return None
    return Located("\n".join(p.text for p in paragraphs), paragraphs[0].where, heading)


def _short(text: str) -> str:
    return text if len(text) <= 30 else text[:29] + "…"
