"""In Debian's Chromium, on the demo: a period in which simulated figures exist is published;
none of them becomes public as real. The changelog lists only the real figure, and the
scorecard of the simulated run labels every simulated value where it shows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from chiso.demo.load import load_demo
from chiso.settings import Settings
from chiso.store import db, runs
from chiso.web.app import create_app
from chiso.workflow import accounts, entry, publish, review
from chiso.workflow.entry import RawEntry
from chiso.workspace import Workspace
from support import as_cli, as_user

pytestmark = pytest.mark.browser
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def test_publishing_a_period_with_simulated_figures_keeps_them_labelled(
        page: Any, serving: Any, tmp_path: Path) -> None:
    ws = Workspace(Settings(data_dir=tmp_path / "demo"))
    load_demo(ws, runs=20)
    with db.transaction(ws.engine) as s:
        w = as_cli(s, "setup")
        accounts.add_user(w, "hn", "mật-khẩu-đủ-dài-1", "province_editor", units=["vn34-01"])
        accounts.add_user(w, "bo", "mật-khẩu-đủ-dài-1", "ministry_reviewer")
    with db.transaction(ws.engine) as s:
        sub = entry.save(as_user(s, "hn"), "chiso-core", "2025", "vn34-01",
                         {"it_budget_share": RawEntry("0,4")}, 0, submit=True).submission
        review.accept(as_user(s, "bo"), sub.id, sub.version)
    with db.transaction(ws.engine) as s:
        res = publish.publish(as_user(s, "bo"), "chiso-core", "2025")
        assert (res.added, res.changed) == (1, 0) and res.simulated_left_out > 1000
        sim_run = next(r for r in runs.runs(s, "chiso-core", "2025") if r.simulated)
    with serving(create_app(ws.settings, cache=False)) as url:
        page.goto(url + "/changelog")
        rows = page.locator("[data-testid=publication] tbody tr")
        assert rows.count() == 1
        assert "Hà Nội" in rows.first.inner_text() and "0,4" in rows.first.inner_text()

        page.goto(url + f"/province/vn34-79?run={sim_run.id}")
        assert page.locator("[data-testid=simulated-banner]").is_visible()
        assert "mô phỏng" in page.locator("[data-testid=run-what]").first.inner_text().lower()
        card = page.request.get(url + f"/api/v1/scorecards/vn34-79?run={sim_run.id}").json()
        figures = {r["code"]: r["figure"]["simulated"] for r in card["data"]["indicators"]
                   if r["figure"]}
        assert sum(figures.values()) > 10 and not all(figures.values())  # real ones too
        for code, simulated in figures.items():  # each value says what it is, in its own cell
            cell = page.locator(f"#ind-{code} td.num").first
            assert cell.locator("[data-testid=sim-tag]").count() == int(simulated), code
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "scorecard-simulated-vi.png"), full_page=True)
