"""A figure read from a report, as extraction hands it on: to review, to the CLI, to scoring."""

from __future__ import annotations

from dataclasses import asdict, dataclass

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

    def as_row(self) -> dict:
        row = {k: v for k, v in asdict(self).items() if k in FIELDS}
        row["span"] = list(self.span)
        return row

    @property
    def matched(self) -> bool:
        return self.indicator is not None

    @property
    def needs_look(self) -> bool:
        """Below the bar: offered for review as "needs a look", never taken as read."""
        return self.matched and (self.unit is None or self.confidence < confidence.BAR)


