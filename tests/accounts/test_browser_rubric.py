"""In Debian's Chromium, a commune's self-assessment on the commune rubric goes through the
whole cycle: the commune enters its 47 components with evidence, the reviewer adjusts one with a
reason and accepts (preliminary review), the appraisal council adjusts another and confirms,
the ministry publishes; the commune's scorecard then shows every component's points and the
trail of who changed what."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from chiso.compute import Method
from chiso.demo.communes import simulate_communes
from chiso.settings import Settings
from chiso.store import db, submissions
from chiso.units.registry import Registry
from chiso.web.app import create_app
from chiso.workflow import Principal, Work, accounts
from chiso.workflow.runs import RunSpec, compute_run
from chiso.workflow.setup import load_frameworks, load_units

from .conftest import PASSWORD

pytestmark = pytest.mark.browser
FW, PERIOD = "commune-hanoi-2025", "2025"
SHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def _setup(engine: Any) -> tuple[str, dict[str, float]]:
    commune = Registry.load().units(as_of=date(2025, 7, 1), level="commune", parent="vn34-01")[0]
    db.upgrade(engine)
    with db.transaction(engine) as s:
        load_frameworks(s)
        load_units(s)
        w = Work.open(s, Principal.local("setup"), "cli")
        for name, role, units in (("xa.nhap", "province_editor", [commune.id]),
                                  ("so.tham.dinh", "ministry_reviewer", []),
                                  ("hoi.dong", "ministry_reviewer", []),
                                  ("bo.cong.bo", "ministry_admin", [])):
            accounts.add_user(w, name, PASSWORD, role, units=units, display_name=name)
        fw = w.catalog.framework(FW)
    values = {r["indicator"]: r["value"] for r in simulate_communes(fw, [commune.id], PERIOD)}
    return commune.id, values


def _sign_in(page: Any, url: str, who: str, next_path: str) -> None:
    page.context.clear_cookies()
    page.goto(url + "/login?next=" + next_path)
    page.get_by_label("Tên đăng nhập").fill(who)
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**" + next_path)


def _vi(x: float) -> str:
    return f"{x:g}".replace(".", ",")


def test_a_commune_self_assessment_goes_through_review_council_and_publication(
        page: Any, serving: Any, sqlite_engine: Any, tmp_path: Path) -> None:
    cid, values = _setup(sqlite_engine)
    app = create_app(Settings(data_dir=tmp_path / "data"), sqlite_engine)
    form = f"/entry/{FW}/{PERIOD}/{cid}"
    with serving(app) as url:
        # 1. the commune's self-assessment, every component with a value, one with evidence
        _sign_in(page, url, "xa.nhap", form)
        for code, v in values.items():
            page.locator(f"#v__{code}").fill(_vi(v))
        page.locator("[data-code=xa_nt_truong_ban] summary").click()  # note and evidence link
        page.locator("input[name=url__xa_nt_truong_ban]").fill("https://xa.example/qd-bcd.pdf")
        page.get_by_role("button", name="Gửi duyệt").click()
        page.wait_for_load_state()
        assert "Đã gửi để duyệt" in page.content(), page.content()[:3000]
        with db.transaction(sqlite_engine) as s:
            sub = submissions.find(s, FW, PERIOD, cid)
            assert sub is not None and sub.status == "submitted"
            sub_id = sub.id

        # 2. preliminary review: one component adjusted with a reason, then accepted
        _sign_in(page, url, "so.tham.dinh", f"/review/{sub_id}")
        page.locator("input[name=adj__xa_cq_toan_trinh]").fill("85")
        page.get_by_label("Ý kiến (bắt buộc khi trả lại hoặc điều chỉnh)").fill(
            "Theo số liệu Cổng dịch vụ công ngày 30/6")
        page.get_by_role("button", name="Điều chỉnh").click()
        page.wait_for_url(f"**/review/{sub_id}")
        page.get_by_role("button", name="Chấp nhận").click()
        page.wait_for_url(f"**/review/{sub_id}")
        assert page.locator("[data-testid=status]").inner_text() == "Chờ Hội đồng thẩm định"

        # 3. the appraisal council adjusts the inspection's points and confirms
        _sign_in(page, url, "hoi.dong", f"/review/{sub_id}")
        page.locator("input[name=adj__xa_at_kiem_tra]").fill("12,5")
        page.get_by_label("Ý kiến của Hội đồng (bắt buộc khi trả lại hoặc điều chỉnh)").fill(
            "Biên bản kiểm tra an toàn thông tin chưa đủ")
        page.get_by_role("button", name="Hội đồng thông qua").click()
        page.wait_for_url(f"**/review/{sub_id}")
        assert page.locator("[data-testid=status]").inner_text() == "Đã duyệt"
        history = page.locator("[data-testid=review-history]").inner_text()
        assert "so.tham.dinh · adjust" in history and "hoi.dong · council" in history
        assert "xa_at_kiem_tra → 12,5" in history

        # 4. publication of the period
        _sign_in(page, url, "bo.cong.bo", "/review")
        page.get_by_label("Kỳ").fill(PERIOD)
        page.get_by_label("Khung").select_option(FW)
        page.get_by_role("button", name="Công bố").click()
        page.wait_for_url("**/changelog")
        assert page.locator("[data-testid=publication] tbody tr").count() == 47

        # the run of the published figures (what `chiso index run` does)
        with db.transaction(sqlite_engine) as s:
            w = Work.open(s, Principal.local("bo"), "cli")
            fw = w.catalog.framework(FW)
            compute_run(w, RunSpec(fw, PERIOD, (cid,), Method.for_framework(fw), "xã 2025",
                                   unit_level="commune"))

        # 5. the public scorecard: points per component and who changed what
        page.context.clear_cookies()
        page.goto(url + f"/commune/{cid}?lang=vi")
        assert page.locator("[data-testid=simulated-banner]").count() == 0  # real entry, no label
        toan_trinh = page.locator("[data-testid=trail-xa_cq_toan_trinh]").inner_text()
        assert "85" in toan_trinh and "so.tham.dinh" in toan_trinh and "xa.nhap" in toan_trinh
        assert f"trước {_vi(values['xa_cq_toan_trinh'])}" in toan_trinh
        assert "hội đồng: hoi.dong" in toan_trinh
        kiem_tra = page.locator("[data-testid=trail-xa_at_kiem_tra]").inner_text()
        assert "12,5" in kiem_tra and "hội đồng: hoi.dong" in kiem_tra
        assert page.locator("[data-testid=points-xa_at_kiem_tra]").inner_text() == "12,50 / 20"
        assert "published" in kiem_tra
        ev = page.locator("[data-testid=trail-xa_nt_truong_ban] a").first
        assert ev.get_attribute("href") == "https://xa.example/qd-bcd.pdf"
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "commune-scorecard-vi.png"), full_page=True)
