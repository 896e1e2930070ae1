"""The validation report: every problem of a failed import as a CSV people can sort and fix from."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from chiso.errors import Problem

COLUMNS = ("tệp / file", "dòng / row", "cột / column", "trường / field", "giá trị / value",
           "lỗi", "problem")


def write_problems(problems: Sequence[Problem], path: Path) -> Path:
    """Write the problems as UTF-8 CSV with a BOM (so Excel shows Vietnamese correctly)."""
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(COLUMNS)
        for p in problems:
            w.writerow(["" if v is None else v for v in
                        (p.file, p.row, p.column, p.field, p.value, p.message_vi, p.message_en)])
    return path
