"""Money for digital transformation: "53 dự án, nhiệm vụ với dự toán hơn 389 tỷ đồng", "dự án
nâng cấp hạ tầng công nghệ thông tin ... với tổng kinh phí gần 48 tỷ đồng".

An amount in đồng is the IT and digital-transformation budget (`it_budget_vnd`) when its own
words name a budget ("kinh phí", "dự toán", "tổng mức đầu tư", "nguồn lực đầu tư", "vốn đầu
tư") and its sentence, or the report's title, is about information technology or digital
transformation. What is budgeted ("dự toán", "tổng mức đầu tư", a project's total) is a target;
what was spent or allotted ("kinh phí sử dụng", "đã giải ngân", "bố trí", "đã phê duyệt") is an
actual figure, and so is the total of projects said to be carried out ("18 dự án ... được triển
khai với tổng kinh phí"); otherwise the sentence's own cues decide.
"""

from __future__ import annotations

from chiso.extract.caseless import Caseless

CODE = "it_budget_vnd"

# a budget named in the amount's own words, close before it
_BUDGET = Caseless(r"(?<!\w)(?:(?P<planned>dự toán|tổng mức đầu tư|nguồn lực đầu tư|"
                   r"tổng vốn đầu tư|vốn đầu tư|dự kiến kinh phí|kinh phí dự kiến)"
                   r"|(?P<spent>(?:tổng )?kinh phí (?:đã )?(?:sử dụng|chi)|đã giải ngân|giải ngân|"
                   r"đã chi|đã phê duyệt|phê duyệt cấp|"
                   r"(?:tổng )?kinh phí (?:đã )?bố trí|đã bố trí)"
                   r"|(?P<any>tổng kinh phí|kinh phí|nguồn vốn|tổng vốn))(?!\w)"
                   r"[^,;.()]{0,40}$")
# what the money is for
_SUBJECT = Caseless(r"(?<!\w)(?:công nghệ thông tin|cntt|chuyển đổi số|chính quyền điện tử|"
                    r"chính quyền số|chính phủ số|đô thị thông minh|hạ tầng số|kinh tế số|"
                    r"xã hội số|số hóa|số hoá|trung tâm giám sát|trung tâm điều hành|ioc)(?!\w)")
# revenue is no budget for anything: "thu ngân sách", "nguồn thu"
_REVENUE = Caseless(r"(?<!\w)(?:thu ngân sách|nguồn thu|doanh thu|thu nội địa)(?!\w)")
_PROJECT = Caseless(r"(?<!\w)(?:dự án|đề án|chương trình|kế hoạch|nhiệm vụ)(?!\w)")
# projects said to have been carried out: "18 dự án ... được triển khai với tổng kinh phí"
_DONE = Caseless(r"(?<!\w)(?<!sẽ )(?:đã|được) (?:triển khai|thực hiện)(?!\w)"
                 r"|(?<!\w)hoàn thành(?!\w)")


# money given over, said before the amount, to what its words right after it name: "bố trí 65,5
# tỷ đồng cho chuyển đổi số", "dành 20 tỷ đồng để ứng dụng công nghệ thông tin"
_GIVEN = Caseless(r"(?<!\w)(?:bố trí|dành|chi|đầu tư|phân bổ|cấp|sử dụng)(?:\s+(?:khoảng|gần|hơn|"
                  r"trên|tổng cộng|tổng số))?\s*$")
_GIVEN_TO = Caseless(r"\s*(?:tỷ|triệu|nghìn|ngàn)?\s*(?:đồng|VNĐ|VND)?\s*(?:cho|để|nhằm)\s+"
                     r"(?:(?:các|việc|công tác|lĩnh vực|hoạt động|nhiệm vụ|dự án|thực hiện|"
                     r"triển khai|phát triển|ứng dụng)\s+)*"
                     r"(?:công nghệ thông tin|cntt|chuyển đổi số|chính quyền điện tử|"
                     r"chính quyền số|đô thị thông minh|hạ tầng số)(?!\w)")


def given_to(own_before: str, after: str) -> bool:
    """Is the amount money given over to IT or digital transformation, said around it ("bố trí
    65,5 tỷ đồng cho chuyển đổi số")? Such money was spent or allotted: an actual figure."""
    return (_GIVEN.search(own_before) is not None and _GIVEN_TO.match(after) is not None
            and _REVENUE.search(own_before) is None)


def reading(sentence: str, start: int, own_before: str, title: str) -> str | None:
    """How an amount in đồng at `start` reads as the IT budget: "planned", "spent", "any" (its
    kind left to the sentence's cues), or None when it is no such budget."""
    m = _BUDGET.search(own_before)
    if m is None or _REVENUE.search(own_before):
        return None
    if not (_SUBJECT.search(sentence) or _SUBJECT.search(title)):
        return None
    kind = m.lastgroup or "any"
    if kind == "any" and _PROJECT.search(sentence, 0, start) and "đã" not in own_before.lower():
        if _DONE.search(sentence, 0, start):
            return "spent"  # "18 dự án ... được triển khai với tổng kinh phí gần 56,85 tỷ đồng"
        return "planned"  # "dự án ... với tổng kinh phí gần 48 tỷ đồng": a project's total
    return kind
