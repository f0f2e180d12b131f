"""Listing dates: "Mar 6, 2024 15" (date, year, upvotes) and year-less "Aug 12".

Hugging Face writes the year only for dates outside the current year, so a year-less date
belongs to the year of the page it was read from. The rule, in order:

1. A date with a year is taken as written (``year_inferred=False``).
2. A year-less per-paper date takes the latest year in which it is not after the listing's page
   date (the "Aug 12" line under the page header), when the page date is known.
3. Otherwise, and for the page date itself, the latest year in which it is not after the
   *reference date*: ``reference_date=`` / ``kg load --reference-date``, by default
   :data:`loaders.base.DEFAULT_REFERENCE_DATE` (2025-12-31).

Inferred years are marked ``year_inferred=True``; 29 February goes back to the latest leap year.

>>> parse_date_line("Mar 6, 2024 15")
DateLine(month=3, day=6, year=2024, upvotes=15, text='Mar 6, 2024')
>>> parse_date_line("May 26 2")
DateLine(month=5, day=26, year=None, upvotes=2, text='May 26')
>>> resolve(parse_date_line("Oct 1"), anchor=dt.date(2025, 12, 9))
(datetime.date(2025, 10, 1), True)
>>> resolve(parse_date_line("Dec 17"), anchor=dt.date(2025, 12, 9))
(datetime.date(2024, 12, 17), True)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_DATE_LINE = re.compile(
    r"^\s*(?P<text>(?P<mon>" + "|".join(MONTHS) + r")\s(?P<day>\d{1,2})(?:,\s(?P<year>\d{4}))?)(?:\s+(?P<up>\d{1,7}))?\s*$"
)


class DateLine(NamedTuple):
    month: int
    day: int
    year: int | None
    upvotes: int | None
    text: str


def parse_date_line(line: str) -> DateLine | None:
    """The date (and trailing upvote count) of a listing date line, or ``None``.

    >>> parse_date_line("Sometimes") is None
    True
    """
    m = _DATE_LINE.match(line)
    if not m:
        return None
    return DateLine(
        month=MONTHS.index(m["mon"]) + 1,
        day=int(m["day"]),
        year=int(m["year"]) if m["year"] else None,
        upvotes=int(m["up"]) if m["up"] else None,
        text=m["text"],
    )


def resolve(d: DateLine, *, anchor: dt.date) -> tuple[dt.date | None, bool]:
    """``(date, year_inferred)``; ``date`` is ``None`` when the day does not exist.

    >>> resolve(parse_date_line("Feb 29"), anchor=dt.date(2025, 6, 1))
    (datetime.date(2024, 2, 29), True)
    >>> resolve(parse_date_line("Feb 30, 2024"), anchor=dt.date(2025, 6, 1))
    (None, False)
    """
    if d.year is not None:
        try:
            return dt.date(d.year, d.month, d.day), False
        except ValueError:
            return None, False
    for year in range(anchor.year, anchor.year - 9, -1):
        try:
            candidate = dt.date(year, d.month, d.day)
        except ValueError:
            continue
        if candidate <= anchor:
            return candidate, True
    return None, True
