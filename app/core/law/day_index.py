"""Working-day arithmetic for many dates at once: a sorted table of a calendar's working days.

`WorkingCalendar` steps day by day, which is right for one letter and slow for thousands of case
files; this index answers the same questions with a binary search and agrees with it exactly
(tests compare the two). It covers the dates asked about, growing when asked outside its range.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right

from app.core.law.calendar import WorkingCalendar

MARGIN_DAYS = 400


class WorkingDayIndex:
    """The working days of one calendar over a range of dates, as sorted day ordinals."""

    def __init__(self, calendar: WorkingCalendar):
        self.calendar = calendar
        self._low = self._high = 0
        self._days: list[int] = []

    def _cover(self, first: int, last: int) -> None:
        """Make the table span ordinals first..last (with a margin), rebuilding it when needed."""
        if self._days and self._low <= first and last <= self._high:
            return
        low = min(first, self._low or first) - MARGIN_DAYS
        high = max(last, self._high) + MARGIN_DAYS
        working = self.calendar.is_working_day
        self._days = [n for n in range(low, high + 1) if working(dt.date.fromordinal(n))]
        self._low, self._high = low, high

    def add(self, start: dt.date, n: int) -> dt.date:
        """Return the nth working day after start (n >= 0; start itself for 0), as add_working_days does."""
        if n <= 0:
            return start
        origin = start.toordinal()
        self._cover(origin, origin + n * 3 + 30)
        return dt.date.fromordinal(self._days[bisect_right(self._days, origin) + n - 1])

    def between(self, start: dt.date, end: dt.date) -> int:
        """Count working days after start up to and including end; negative if end is before start."""
        if end < start:
            return -self.between(end, start)
        self._cover(start.toordinal(), end.toordinal())
        return bisect_right(self._days, end.toordinal()) - bisect_right(self._days, start.toordinal())

    def next_working_day(self, day: dt.date) -> dt.date:
        """Return day if it is a working day, otherwise the first working day after it."""
        self._cover(day.toordinal(), day.toordinal() + 30)
        return dt.date.fromordinal(self._days[bisect_left(self._days, day.toordinal())])
