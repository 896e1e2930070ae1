"""A figure read from a report, as extraction hands it on: to review, to the CLI, to scoring."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields

from chiso.extract import confidence

FIELDS = ("doc", "unit", "indicator", "kind", "value", "value_high", "qualifier", "year",
          "target_year", "quote", "span", "confidence")
@dataclass
class Candidate:
    """One figure read from a report. `indicator` is None when no indicator matched confidently."""

    doc: str
    unit: str | None
    indicator: str | None
    kind: str
    value: float
    value_high: float | None
    qualifier: str
    year: int | None
    target_year: int | None
    quote: str
    span: tuple[int, int]
    confidence: float
    measure: str = ""
    alias: str = ""
    quote_start: int = 0  # where the quote starts in the document
    # the step the candidate reached before calibration (`confidence.rate` made `confidence`
    # from it and what else the candidate shows); None when `confidence` is the step itself
    step: float | None = None

    def as_row(self) -> dict:
        row = {k: v for k, v in asdict(self).items() if k in FIELDS}
        row["span"] = list(self.span)
        return row

    @property
    def matched(self) -> bool:
        return self.indicator is not None

    @property
    def placed(self) -> bool:
        """Did the rules place the figure: an indicator, an owner, and a step the development part
        was right at (`confidence.sure`)? What the rules read, before review's triage."""
        if not self.matched or self.unit is None:
            return False
        return confidence.sure(self.confidence if self.step is None else self.step, self.kind)

    @property
    def needs_look(self) -> bool:
        """Offered for review as "needs a look", never taken as read: matched but not `placed`, or
        its confidence under the bar (on unseen reports such a candidate is more likely wrong than
        right: `confidence.rate`)."""
        if not self.matched:
            return False
        return not self.placed or (self.step is not None and self.confidence < confidence.BAR)


_FIELD_NAMES = frozenset(f.name for f in fields(Candidate))


def replaced(c: Candidate, **changes: object) -> Candidate:
    """`dataclasses.replace(c, **changes)`, faster (that reads the class's fields anew and goes
    through `__init__` for every copy): the same attributes, in the same order, with the
    changes made."""
    if not _FIELD_NAMES.issuperset(changes):
        raise TypeError(f"not fields of Candidate: {sorted(set(changes) - _FIELD_NAMES)}")
    new = object.__new__(Candidate)
    new.__dict__.update(c.__dict__)
    new.__dict__.update(changes)
    return new
