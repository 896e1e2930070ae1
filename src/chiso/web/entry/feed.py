"""The machine feed: POST /api/v1/feed with a token of scope `feed` (never a browser session)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from chiso.errors import AuthError
from chiso.web.entry.deps import WorkDep
from chiso.workflow.feeds import post_feed

router = APIRouter(include_in_schema=False)
api_router = APIRouter(prefix="/api/v1", tags=["feed"])


@api_router.post(
    "/feed", summary="Nạp số liệu tự động / the machine feed (token with 'feed')",
    description=(
        "Một hệ thống gửi số liệu kèm nguồn và thời điểm; kiểm tra như khi nhập tệp (tất cả "
        "hoặc không gì cả), ghi ở trạng thái đã duyệt, chưa công bố, kèm nguồn gốc; gửi lại "
        "cùng `client_key` nhận lại đúng kết quả lần đầu. / A system posts figures with their "
        "source and timestamp: checked as an import (all or nothing), landing approved but "
        "unpublished with their provenance; the same `client_key` again gets the first "
        "post's answer.\n\n"
        '`{"client_key": "...", "source": {"title": "...", "uri": "...", "system": "..."}, '
        '"observed_at": "2026-07-01T08:00:00+07:00", "figures": [{"unit": "vn34-01", '
        '"indicator": "...", "period": "2025", "value": "70,8"}]}`'))
def feed(w: WorkDep, body: dict[str, Any]) -> Response:
    if not w.principal.via_token:
        raise AuthError("Nguồn cấp tự động chỉ nhận mã truy cập (Authorization: Bearer ...) có "
                        "quyền 'feed': chiso users token TÊN --scope feed.",
                        "The feed takes a token only (Authorization: Bearer ...) with the 'feed' "
                        "scope: chiso users token NAME --scope feed.")
    report = post_feed(w, body)
    return JSONResponse({"ok": True, **report.to_dict()}, status_code=200 if report.replayed
                        else 201)
