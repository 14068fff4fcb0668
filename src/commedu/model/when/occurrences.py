"""Every time a *when* comes round, whatever its kind: the one expansion callers use."""

from __future__ import annotations

from commedu._typecheck import check_arguments
from commedu.model.when.recurrence import _TICK, Recurrence
from commedu.model.when.spans import DateSpan
from commedu.model.when.weekly import Repeat, Weekly
from commedu.model.when.years import When, Yearly

__all__ = ["occurrences"]


def occurrences(when: When) -> tuple[DateSpan, ...]:
    """The days of each time ``when`` comes round, in order: how a ledger counts what was held.

    A *when* that happens once has one span; a recurrence has one per session, a repeat or a
    weekly class one per day, and a yearly *when* one per year. Never more than
    :data:`MAX_OCCURRENCES`: every recurring kind refuses a rule with more.
    """
    check_arguments(occurrences, when=when)
    match when:
        case Recurrence():
            return tuple(
                DateSpan(start.date(), max(start.date(), (start + when.duration - _TICK).date()))
                for start in when.occurrences()
            )
        case Repeat() | Weekly():
            return tuple(DateSpan(day, day) for day in when.days())
        case Yearly():
            return tuple(span for each in when.each for span in occurrences(each))
    return (when.span,)
