"""Dated facts in order: "What happened on November 23?" and ``talksbot timeline``.

A fact's dates are the "Month day"s in its "when" answer and its evidence (in the year of its
article), else a bare weekday ("on Sunday") taken as the latest such day on or before the
article's date. The timeline lists a fact under its first date; "what happened on <date>"
finds it under any of them. Facts with no date are not on the timeline.
"""
from __future__ import annotations

import datetime as dt
import re

from bot.core.extract import DAYS, MONTHS
from bot.core.factbase import Entry, FactBase

_MONTH_DAY = re.compile(rf"\b({'|'.join(MONTHS)})\s+(\d{{1,2}})\b")
_WEEKDAY = re.compile(rf"\b(?:on|last) ({'|'.join(DAYS)})\b")
ASKED = re.compile(rf"^what (?:happened|took place|was going on|occurred)(?: on| in| during)? "
                   rf"({'|'.join(m.lower() for m in MONTHS)}) (\d{{1,2}})(?: (\d{{4}}))?$")


def event_dates(entry: Entry, base: FactBase) -> list[dt.date]:
    """The dates a fact mentions, its "when" answer's first."""
    article_day = base.articles[entry.article_id].meta.date
    when = entry.fact.answers.get("when", "")
    days: list[dt.date] = []
    for m in [*_MONTH_DAY.finditer(when), *_MONTH_DAY.finditer(entry.fact.evidence)]:
        try:
            day = dt.date(article_day.year, MONTHS.index(m.group(1)) + 1, int(m.group(2)))
        except ValueError:
            continue
        if day not in days:
            days.append(day)
    if days:
        return days
    weekday = re.fullmatch(rf"(?:on |last )?({'|'.join(DAYS)})", when) or _WEEKDAY.search(entry.fact.evidence)
    if weekday:
        back = (article_day.weekday() - DAYS.index(weekday.group(1))) % 7
        return [article_day - dt.timedelta(days=back)]
    return []


def dated(base: FactBase) -> list[tuple[dt.date, Entry]]:
    """Every dated fact under its first date, in date order (then article date and paragraph)."""
    out = [(days[0], e) for e in base.entries if not e.is_entity and (days := event_dates(e, base))]
    out.sort(key=lambda de: (de[0], base.articles[de[1].article_id].meta.date, de[1].fact.paragraph))
    return out


def asked_date(normalized: str, base: FactBase) -> dt.date | None:
    """The date in "what happened on November 23 [2025]", if the question is one."""
    m = ASKED.match(normalized)
    if not m:
        return None
    years = sorted({a.meta.date.year for a in base.articles.values()})
    year = int(m.group(3)) if m.group(3) else (years[-1] if years else dt.date.today().year)
    try:
        return dt.date(year, [x.lower() for x in MONTHS].index(m.group(1)) + 1, int(m.group(2)))
    except ValueError:
        return None
