"""chiso's vocabulary, named once: kinds, qualifiers, statuses, levels, roles, the reform date."""

from __future__ import annotations

from datetime import date
from typing import Final, Literal

# ── figures ───────────────────────────────────────────────────────────────────────────────

Kind = Literal["actual", "target", "national_average", "benchmark"]
KINDS: Final = ("actual", "target", "national_average", "benchmark")
KIND_LABELS: Final = {
    "actual": ("Thực tế", "Actual"),
    "target": ("Mục tiêu", "Target"),
    "national_average": ("Trung bình cả nước", "National average"),
    "benchmark": ("Đối chiếu (nơi khác)", "Benchmark (elsewhere)"),
}

Qualifier = Literal["eq", "approx", "gt", "lt", "ge", "le"]
QUALIFIERS: Final = ("eq", "approx", "gt", "lt", "ge", "le")
# the sign written before a value with that qualifier ("" for an exact value)
QUALIFIER_SIGNS: Final = {"eq": "", "approx": "~", "gt": ">", "lt": "<", "ge": "≥", "le": "≤"}
QUALIFIER_LABELS: Final = {
    "eq": ("bằng", "exactly"), "approx": ("khoảng", "about"), "gt": ("hơn", "more than"),
    "lt": ("dưới", "less than"), "ge": ("ít nhất", "at least"), "le": ("tối đa", "at most"),
}

# an observation revision's review status
DRAFT: Final = "draft"
APPROVED: Final = "approved"
PUBLISHED: Final = "published"
REJECTED: Final = "rejected"
OBSERVATION_STATUSES: Final = (DRAFT, "submitted", APPROVED, PUBLISHED, REJECTED)
# what an index run may be built from: reviewed figures, or only what the public sees
REVIEWED: Final = (APPROVED, PUBLISHED)

# a province's data-entry form
# a points rubric's form goes past a preliminary review ("reviewed") to the appraisal council
SUBMISSION_STATUSES: Final = ("draft", "submitted", "reviewed", "accepted", "rejected")
EDITABLE: Final = ("draft", "rejected")
SUBMISSION_LABELS: Final = {
    "draft": ("Bản nháp", "Draft"), "submitted": ("Đã gửi", "Submitted"),
    "reviewed": ("Chờ Hội đồng thẩm định", "Awaiting the appraisal council"),
    "accepted": ("Đã duyệt", "Accepted"), "rejected": ("Bị trả lại", "Sent back"),
}

# a project of the value register: it is entered and reviewed as a form is, then published
PROJECT_REVIEW_STATUSES: Final = (*SUBMISSION_STATUSES, PUBLISHED)
PROJECT_REVIEW_LABELS: Final = {**SUBMISSION_LABELS, PUBLISHED: ("Đã công bố", "Published")}

# index runs: how a run was made, and where it stands
RUN_KINDS: Final = ("published", "computed", "reexpressed")
RUN_STATUSES: Final = ("draft", "official", "superseded", "preview")
RUN_LABELS: Final = {
    "official_published": ("Chính thức, do Bộ công bố", "Official, as published by the ministry"),
    "official_computed": ("Chính thức, tính bằng chiso", "Official, computed by chiso"),
    "recomputed": ("Tính lại bằng chiso", "Recomputed by chiso"),
    "computed": ("Tính bằng chiso, chưa chính thức", "Computed by chiso, not official"),
    "reexpressed": ("Quy đổi về 34 tỉnh, thành phố", "Re-expressed on the 34 provinces"),
    "simulated": ("Trên dữ liệu mô phỏng", "On simulated data"),
    "superseded": ("Đã được thay thế", "Superseded"),
    "preview": ("Xem trước (có số liệu chưa công bố)", "Preview (with unpublished figures)"),
}

SOURCE_KINDS: Final = ("file", "document", "report", "published_report", "simulated", "manual",
                       "feed")
CHANGES: Final = ("added", "changed", "removed")

# ── units ────────────────────────────────────────────────────────────────────────────────

# parents before children: a ministry and a province belong to the country, a department
# (a province's sở, ban, ngành) and a commune to their province
Level = Literal["country", "ministry", "province", "department", "commune"]
LEVELS: Final = ("country", "ministry", "province", "department", "commune")
LEVEL_LABELS: Final = {
    "country": ("Quốc gia", "Country"), "ministry": ("Bộ, ngành", "Ministry or agency"),
    "province": ("Tỉnh, thành phố", "Province"), "department": ("Sở, ban, ngành", "Department"),
    "commune": ("Xã, phường, đặc khu", "Commune or ward"),
}
COUNTRY_ID: Final = "VN"
# Resolution 202/2025/QH15: 63 provinces became 34 and districts ended on 1 July 2025
REFORM_DATE: Final = date(2025, 7, 1)
LAST_DAY_BEFORE_REFORM: Final = date(2025, 6, 30)

# ── accounts ─────────────────────────────────────────────────────────────────────────────

ROLES: Final = ("ministry_admin", "ministry_reviewer", "province_editor", "viewer")
# "feed": a system posting figures to the bulk feed endpoint (a token's scope)
SCOPES: Final = ("read", "entry", "review", "publish", "admin", "feed")
ROLE_SCOPES: Final[dict[str, frozenset[str]]] = {
    "ministry_admin": frozenset(SCOPES),
    "ministry_reviewer": frozenset({"read", "review", "publish"}),
    "province_editor": frozenset({"read", "entry", "feed"}),
    "viewer": frozenset({"read"}),
}
