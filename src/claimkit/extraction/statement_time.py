"""When a statement was made, and the days of the events a claim speaks of, from the
article's time expressions."""

from __future__ import annotations

import bisect
import datetime

from claimkit.model import TimeRef

__all__ = ["StatementTimes", "event_days"]


class StatementTimes:
    """The article's time expressions, sorted, for lookups by position."""

    def __init__(self, refs: list[TimeRef]) -> None:
        self.refs = refs
        self.starts = [ref.span.start for ref in refs]
        self.spans = [(ref.span.start, ref.span.end) for ref in refs]

    def covering(self, span: tuple[int, int] | None) -> TimeRef | None:
        """The time expression that covers ``span``."""
        if span is None:
            return None
        index = bisect.bisect_right(self.starts, span[0]) - 1
        if index >= 0 and self.refs[index].span.end >= span[1]:
            return self.refs[index]
        return None

    def within(self, start: int, end: int) -> list[TimeRef]:
        """The time expressions inside ``[start, end)``."""
        first = bisect.bisect_left(self.starts, start)
        last = bisect.bisect_left(self.starts, end)
        return [ref for ref in self.refs[first:last] if ref.span.end <= end]


def event_days(
    times: StatementTimes, start: int, end: int
) -> tuple[datetime.date, datetime.date] | None:
    """The first and last day of the time expressions inside ``[start, end)``."""
    days = [
        (t.start, t.end)
        for t in times.within(start, end)
        if t.start is not None and t.end is not None
    ]
    if not days:
        return None
    return min(d[0] for d in days), max(d[1] for d in days)
