"""Peers for the plausibility tests: seven more provinces with published 2024 IT budget shares
and budgets, imported through workflow as a publication would be."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from chiso.ingest.load import ImportOptions
from chiso.store import db
from chiso.store.models import Unit
from chiso.workflow import imports
from support import as_cli

PEERS = {"vn34-04": ("Cao Bằng", 0.1, 2.1e10), "vn34-08": ("Tuyên Quang", 0.2, 4.5e10),
         "vn34-11": ("Điện Biên", 0.3, 8e10), "vn34-12": ("Lai Châu", 0.35, 1.2e11),
         "vn34-14": ("Sơn La", 0.5, 2.5e11), "vn34-15": ("Lào Cai", 0.8, 6e10),
         "vn34-19": ("Thái Nguyên", 1.2, 9.9e10)}


def add_peers(engine: Engine, folder: Path) -> None:
    with db.transaction(engine) as s:
        for uid, (name, _share, _budget) in PEERS.items():
            s.add(Unit(id=uid, code=uid[-2:], name=name, full_name=f"Tỉnh {name}",
                       type="province", level="province", parent_id="VN"))
    lines = ["unit,indicator,period,kind,value"]
    for uid, (_name, share, budget) in PEERS.items():
        lines.append(f'{uid},it_budget_share,2024,actual,"{share}"'.replace(".", ","))
        lines.append(f"{uid},it_budget_vnd,2024,actual,{int(budget)}")
    path = folder / "peers.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with db.transaction(engine) as s:
        imports.import_file(as_cli(s, "setup"), path, ImportOptions(publish=True,
                                                                    source="Sở KH&CN (thử)"))
