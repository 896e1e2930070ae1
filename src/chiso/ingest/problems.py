"""The validation report: every problem of a failed import as a CSV people can sort and fix from."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from chiso.errors import Problem
from chiso.ingest.safe import neutral
from chiso.settings import ImportLimits

COLUMNS = ("tệp / file", "dòng / row", "cột / column", "trường / field", "giá trị / value",
           "lỗi", "problem")


def write_problems(problems: Sequence[Problem], path: Path,
                   limits: ImportLimits | None = None) -> Path:
    """Write the problems as UTF-8 CSV with a BOM (so Excel shows Vietnamese correctly).

    At most `limits.max_problems` rows and about `limits.max_report_bytes`; a last row says how
    many were left out. Cells that would run as formulas are neutralised."""
    limits = limits or ImportLimits()
    written = 0
    size = 0
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for p in problems:
            line = _line(p)
            if written >= limits.max_problems or size + len(line) > limits.max_report_bytes:
                break
            fh.write(line)
            written += 1
            size += len(line)
        if written < len(problems):
            rest = len(problems) - written
            w.writerow(["", "", "", "", "", f"… và {rest} lỗi nữa không ghi vào báo cáo.",
                        f"… and {rest} more problem(s) not written to the report."])
    return path


def _line(p: Problem) -> str:
    buf = io.StringIO()
    csv.writer(buf).writerow([
        "" if v is None else neutral(v) if isinstance(v, str) else v
        for v in (p.file, p.row, p.column, p.field, p.value, p.message_vi, p.message_en)])
    return buf.getvalue()
