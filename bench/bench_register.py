"""Benchmark of the project register in the database: import (and publish) a workbook of 500
projects × 20 cash-flow rows, then time the register's JSON, its page, one project's page and a
province's portfolio, uncached (figures in bench/README.md).

    .venv/bin/python bench/bench_register.py
"""

import os
import tempfile
import time
from pathlib import Path

import xlsxwriter

from chiso.numbers import format_vi
from chiso.settings import Settings
from chiso.store import db
from chiso.workflow import Principal, Work
from chiso.workflow import projects as flow
from chiso.workspace import Workspace

tmp = Path(tempfile.mkdtemp())
ws = Workspace(Settings(data_dir=tmp / "d")); ws.init()


def write_xlsx(path: Path, sheets: dict) -> Path:
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    for name, rows in sheets.items():
        sheet = book.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is not None:
                    sheet.write_string(r, c, v) if isinstance(v, str) else sheet.write(r, c, v)
    book.close()
    return path


PH = ["Mã dự án", "Tên dự án", "Đơn vị hành chính", "Năm bắt đầu"]
FH = ["Mã dự án", "Năm", "Loại", "Hạng mục", "Khoản mục", "Giá trị (đồng)", "Thấp (đồng)", "Cao (đồng)"]
n_p, per = 500, 20
projects = [[f"P{i:04d}", f"Dự án {i}", "Thái Nguyên", 2024] for i in range(n_p)]
flows = []
for i in range(n_p):
    for t in range(per):
        k = t % 2
        flows.append([f"P{i:04d}", t, "Chi phí" if k else "Lợi ích", "Vận hành" if k else "Tăng thu", f"k{t//2}", format_vi(1_000_000 + i * 7 + t), None, format_vi(2_000_000 + i)])
path = write_xlsx(tmp / "big.xlsx", {"Dự án": [PH, *projects], "Dòng tiền": [FH, *flows]})
print("load", os.getloadavg()[0], "rows", len(flows))
t = time.perf_counter()
with db.transaction(ws.engine) as s:
    r = flow.import_projects(Work.open(s, Principal.local("bench")), path, publish=True)
print("import+publish", round(time.perf_counter() - t, 2), "s", len(r.added))
from fastapi.testclient import TestClient

from chiso.web.app import create_app

c = TestClient(create_app(ws.settings, ws.engine, cache=False))
for u in ("/api/v1/projects", "/projects", "/projects/P0001", "/province/vn63-19/projects"):
    c.get(u); t = time.perf_counter(); r = c.get(u); print(u, r.status_code, round(time.perf_counter() - t, 3), "s")
print("load", os.getloadavg()[0])
