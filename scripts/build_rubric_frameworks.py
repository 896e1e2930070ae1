"""Writes the shipped rubric frameworks commune-hanoi-2025, department-hanoi-2025 and
dti-province-405 (run once; the YAML is what ships, its notes say what is placeholder).

Run: .venv/bin/python scripts/build_rubric_frameworks.py src/chiso/framework/frameworks
"""
import sys
from pathlib import Path

import yaml

OUT = Path(sys.argv[1])

def T(vi, en): return {"vi": vi, "en": en}

YES = lambda: {"kind": "yes_no"}
def DEPUTY(points): return {"kind": "yes_no", "partial": [{"value": 0.5, "points": points, "label": T("Phó Chủ tịch làm Trưởng Ban", "A deputy chairman heads it")}]}
def PROP(t=100): return {"kind": "proportional", "target": t}
def COUNT(p): return {"kind": "count", "per_item": p}
APPR = lambda: {"kind": "appraiser"}
def TIERS(*pairs): return {"kind": "tiers", "tiers": [{"min": m, "points": p} for m, p in pairs]}

EV = {
 "decision": T("Văn bản (quyết định, kế hoạch) đã ban hành, có số và ngày", "The issued document (decision, plan) with its number and date"),
 "portal": T("Số liệu trích từ hệ thống (Cổng dịch vụ công, hệ thống quản lý văn bản), ngày trích", "Figures drawn from the system (public-service portal, document system), with the date drawn"),
 "list": T("Danh sách kèm đường dẫn hoặc ảnh chụp màn hình", "A list with links or screenshots"),
 "report": T("Báo cáo của đơn vị, có số liệu và nguồn", "The unit's report, with figures and their source"),
 "council": T("Biên bản chấm điểm của Hội đồng thẩm định", "The appraisal council's scoring minutes"),
}

P = 20  # points per component: a placeholder scale (the real scale is not public)

PREFIX = ["xa_"]

def comp(code, vi, en, rule, ev, unit=None):
    code = PREFIX[0] + code
    r = dict(rule)
    if r["kind"] == "yes_no":
        for a in r.get("partial", []):
            a["points"] = P / 2
    if r["kind"] == "count":
        pass
    if r["kind"] == "tiers":
        n = len(r["tiers"])
        r["tiers"] = [{"min": t["min"], "points": round(P * (i + 1) / n, 4)} for i, t in enumerate(r["tiers"])]
    d = {"code": code, "name": T(vi, en), "max_points": P, "rule": r, "evidence": EV[ev], "placeholder": True}
    if unit: d["unit"] = unit
    return d

def group(code, vi, en, comps):
    return {"code": PREFIX[0] + code, "level": "pillar", "name": T(vi, en), "max_points": P * len(comps), "children": comps}

COMMUNE = [
 group("nhan_thuc_so", "Nhận thức số", "Digital awareness", [
  comp("nt_truong_ban", "Chủ tịch UBND xã làm Trưởng Ban chỉ đạo chuyển đổi số", "The commune chairman heads the digital-transformation steering committee", DEPUTY(0), "decision"),
  comp("nt_ke_hoach", "Kế hoạch chuyển đổi số năm của xã được ban hành đúng hạn", "The commune's yearly digital-transformation plan is issued on time", YES(), "decision"),
  comp("nt_tuyen_truyen", "Số tin, bài tuyên truyền về chuyển đổi số trên trang thông tin của xã", "Articles on digital transformation on the commune's website", COUNT(2), "list"),
  comp("nt_chuyen_de", "Số phiên họp, hội nghị chuyên đề về chuyển đổi số", "Meetings and conferences on digital transformation", COUNT(5), "list"),
  comp("nt_to_cnscd", "Tổ công nghệ số cộng đồng ở thôn, tổ dân phố được thành lập và hoạt động", "Community digital-technology teams set up and active in the villages", PROP(100), "report"),
 ]),
 group("the_che_so", "Thể chế số", "Digital institutions", [
  comp("tc_quy_che", "Quy chế quản lý, vận hành các hệ thống thông tin của xã", "Rules for running the commune's information systems", YES(), "decision"),
  comp("tc_kinh_phi", "Tỷ lệ kinh phí chuyển đổi số được bố trí so với kế hoạch", "Digital-transformation budget allotted against the plan", PROP(100), "report", "percent"),
  comp("tc_du_lieu", "Danh mục dữ liệu dùng chung, dữ liệu mở của xã được ban hành", "The commune's shared- and open-data catalogue is issued", YES(), "decision"),
 ]),
 group("ha_tang_so", "Hạ tầng số", "Digital infrastructure", [
  comp("ht_cap_quang", "Tỷ lệ hộ gia đình có kết nối cáp quang", "Share of households with fibre", PROP(100), "report", "percent"),
  comp("ht_song_di_dong", "Tỷ lệ thôn, tổ dân phố được phủ sóng 4G/5G", "Share of villages covered by 4G/5G", PROP(100), "report", "percent"),
  comp("ht_may_tinh", "Tỷ lệ cán bộ, công chức được trang bị máy tính", "Share of officials with a computer", PROP(100), "report", "percent"),
  comp("ht_mang_chuyen_dung", "Kết nối mạng truyền số liệu chuyên dùng", "Connected to the dedicated government data network", YES(), "report"),
  comp("ht_camera", "Số điểm camera giám sát kết nối trung tâm điều hành", "Surveillance cameras connected to the operations centre", COUNT(1), "list"),
 ]),
 group("nhan_luc_so", "Nhân lực số", "Digital human resources", [
  comp("nl_can_bo_cntt", "Có công chức phụ trách công nghệ thông tin, chuyển đổi số", "An official in charge of IT and digital transformation", YES(), "decision"),
  comp("nl_tap_huan", "Tỷ lệ cán bộ, công chức được tập huấn kỹ năng số", "Share of officials trained in digital skills", PROP(100), "report", "percent"),
  comp("nl_chu_ky_so", "Tỷ lệ cán bộ, công chức sử dụng chữ ký số", "Share of officials using a digital signature", PROP(100), "portal", "percent"),
  comp("nl_thanh_vien_to", "Số thành viên tổ công nghệ số cộng đồng được tập huấn", "Community digital-team members trained", COUNT(0.5), "list"),
  comp("nl_pho_cap", "Tỷ lệ người dân được phổ cập kỹ năng số cơ bản", "Share of residents taught basic digital skills", PROP(80), "report", "percent"),
  comp("nl_binh_dan_hoc_vu_so", "Tỷ lệ người dân tham gia phong trào Bình dân học vụ số", "Share of residents in the 'digital literacy for all' movement", PROP(50), "report", "percent"),
 ]),
 group("attt", "An toàn thông tin mạng", "Cybersecurity", [
  comp("at_cap_do", "Hồ sơ đề xuất cấp độ an toàn hệ thống thông tin được phê duyệt", "Information-system security levels approved", YES(), "decision"),
  comp("at_su_co", "Không để xảy ra sự cố mất an toàn thông tin", "No information-security incident", YES(), "report"),
  comp("at_tap_huan", "Tỷ lệ cán bộ được phổ biến kiến thức an toàn thông tin", "Share of officials briefed on information security", PROP(100), "report", "percent"),
  comp("at_kiem_tra", "Kết quả kiểm tra, đánh giá an toàn thông tin", "Result of the information-security inspection", APPR(), "council"),
 ]),
 group("hd_cqs", "Hoạt động chính quyền số", "Digital government activity", [
  comp("cq_toan_trinh", "Tỷ lệ hồ sơ thủ tục hành chính trực tuyến toàn trình", "Share of applications handled fully online", TIERS((40, 0), (60, 0), (80, 0)), "portal", "percent"),
  comp("cq_so_hoa", "Tỷ lệ hồ sơ, kết quả giải quyết thủ tục được số hóa", "Share of case files and results digitised", PROP(100), "portal", "percent"),
  comp("cq_van_ban_so", "Tỷ lệ văn bản đi được ký số và gửi trên môi trường mạng", "Share of outgoing documents signed and sent digitally", PROP(100), "portal", "percent"),
  comp("cq_dung_han", "Tỷ lệ hồ sơ giải quyết đúng hạn", "Share of applications settled on time", TIERS((90, 0), (95, 0), (98, 0)), "portal", "percent"),
  comp("cq_thanh_toan", "Tỷ lệ hồ sơ có nghĩa vụ tài chính được thanh toán trực tuyến", "Share of fee-bearing applications paid online", PROP(80), "portal", "percent"),
  comp("cq_du_lieu_dan_cu", "Tỷ lệ dữ liệu dân cư được làm sạch, đồng bộ", "Share of population records cleaned and synchronised", PROP(100), "report", "percent"),
  comp("cq_hop_truc_tuyen", "Tổ chức họp trực tuyến kết nối thành phố", "Online meetings connected to the city", YES(), "report"),
  comp("cq_phan_anh", "Tỷ lệ phản ánh, kiến nghị được xử lý trên nền tảng số", "Share of residents' reports handled on the digital platform", PROP(100), "portal", "percent"),
  comp("cq_trang_tt", "Trang thông tin điện tử của xã đáp ứng yêu cầu", "The commune's website meets the requirements", YES(), "list"),
  comp("cq_phuc_vu", "Mức độ hài lòng của người dân về dịch vụ công trực tuyến", "Residents' satisfaction with online public services", APPR(), "council"),
 ]),
 group("hd_kts", "Hoạt động kinh tế số", "Digital economy activity", [
  comp("kt_khong_tien_mat", "Tỷ lệ hộ kinh doanh chấp nhận thanh toán không dùng tiền mặt", "Share of household businesses taking cashless payment", PROP(80), "report", "percent"),
  comp("kt_ocop", "Số sản phẩm OCOP được đưa lên sàn thương mại điện tử", "OCOP products on e-commerce platforms", COUNT(4), "list"),
  comp("kt_hoa_don", "Tỷ lệ hộ kinh doanh sử dụng hóa đơn điện tử", "Share of household businesses using e-invoices", PROP(100), "report", "percent"),
  comp("kt_san_tmdt", "Tỷ lệ hộ kinh doanh bán hàng trên sàn thương mại điện tử", "Share of household businesses selling on e-commerce platforms", PROP(30), "report", "percent"),
  comp("kt_cho_so", "Số chợ, điểm kinh doanh thanh toán số", "Markets and trading points with digital payment", COUNT(5), "list"),
  comp("kt_htx", "Số hợp tác xã ứng dụng công nghệ số", "Cooperatives using digital technology", COUNT(5), "list"),
 ]),
 group("hd_xhs", "Hoạt động xã hội số", "Digital society activity", [
  comp("xh_smartphone", "Tỷ lệ người trưởng thành có điện thoại thông minh", "Share of adults with a smartphone", PROP(100), "report", "percent"),
  comp("xh_dinh_danh", "Tỷ lệ người dân có tài khoản định danh điện tử mức 2", "Share of residents with a level-2 electronic identity", PROP(100), "report", "percent"),
  comp("xh_tai_khoan", "Tỷ lệ người trưởng thành có tài khoản thanh toán", "Share of adults with a payment account", PROP(100), "report", "percent"),
  comp("xh_suc_khoe", "Tỷ lệ người dân có hồ sơ sức khỏe điện tử", "Share of residents with an electronic health record", PROP(100), "report", "percent"),
  comp("xh_hoc_ba", "Tỷ lệ trường học sử dụng học bạ số", "Share of schools using digital report cards", PROP(100), "report", "percent"),
  comp("xh_an_sinh", "Tỷ lệ người hưởng an sinh xã hội nhận qua tài khoản", "Share of social-benefit payments made to accounts", PROP(100), "report", "percent"),
  comp("xh_ung_dung", "Tỷ lệ người dân sử dụng ứng dụng công dân số của thành phố", "Share of residents using the city's citizen app", PROP(60), "report", "percent"),
  comp("xh_dia_chi_so", "Tỷ lệ hộ gia đình, cơ sở có địa chỉ số", "Share of households and premises with a digital address", PROP(100), "report", "percent"),
 ]),
]

HN_SOURCES = [
 "https://vietnamnet.vn/bo-chi-so-moi-danh-gia-chuyen-doi-so-cac-co-quan-nha-nuoc-tp-ha-noi-2455965.html (24/10/2025: cấu trúc 8 nhóm, 47 chỉ số cấp xã; 9 nhóm, 34 chỉ số cấp thành phố)",
 "https://www.vietnam.vn/en/ha-noi-ap-dung-bo-chi-so-moi-de-do-luong-muc-do-chuyen-doi-so-cua-cac-co-quan-nha-nuoc (Hội đồng thẩm định)",
 "https://hethongphapluat.com/quyet-dinh-5279-qd-ubnd-nam-2025-ve-bo-chi-so-danh-gia-chuyen-doi-so-cua-cac-co-quan-nha-nuoc-thanh-pho-ha-noi.html (phần đầu Quyết định 5279/QĐ-UBND)",
]

def notes_placeholder(n, total):
    return [
     T(f"Công bố: số nhóm và số chỉ số thành phần của mỗi nhóm ({n} chỉ số), việc Hội đồng thẩm định đánh giá kết quả hằng năm.",
       f"Public: the groups and how many components each has ({n} components), and that an appraisal council reviews the yearly results."),
     T("Chưa công bố trong các nguồn đã đọc: tên chính xác của từng chỉ số thành phần, thang điểm, quy tắc chấm và yêu cầu minh chứng. Mọi chỉ số thành phần là chỗ giữ chỗ (placeholder: true): tên, quy tắc và minh chứng được mô phỏng theo DTI cấp tỉnh, không phải văn bản của Hà Nội.",
       "Not public in the sources read: each component's exact wording, the points scale, the scoring rules and evidence. Every component is a placeholder (placeholder: true): names, rules and evidence are modelled on the provincial DTI, not Hà Nội's text."),
     T(f"Thang điểm giữ chỗ: {P} điểm mỗi chỉ số thành phần, tổng {total} điểm. Thay bằng văn bản chính thức khi có (nhập từ XLSX: chiso frameworks --import).",
       f"Placeholder scale: {P} points per component, {total} in all. Replace with the official text when available (import from XLSX: chiso frameworks --import)."),
    ]

# declared mappings onto chiso's common core (chiso.framework.compare): what each measures
CORE = {
    "xa_nt_truong_ban": "steering_committee_head", "so_nt_lanh_dao": "steering_committee_head",
    "xa_nt_ke_hoach": "yearly_plan_issued", "so_nt_ke_hoach": "yearly_plan_issued",
    "xa_tc_kinh_phi": "budget_against_plan", "so_tc_kinh_phi": "budget_against_plan",
    "xa_ht_cap_quang": "fibre_households_share",
    "xa_nl_tap_huan": "officials_trained_share", "so_nl_tap_huan": "officials_trained_share",
    "xa_nl_chu_ky_so": "officials_digital_signature_share",
    "so_nl_chu_ky_so": "officials_digital_signature_share",
    "xa_at_su_co": "no_security_incident", "so_at_su_co": "no_security_incident",
    "xa_cq_toan_trinh": "applications_fully_online_share",
    "xa_cq_so_hoa": "records_digitised_share", "so_cq_so_hoa": "records_digitised_share",
    "xa_cq_dung_han": "applications_on_time_share", "so_cq_dung_han": "applications_on_time_share",
    "xa_cq_thanh_toan": "online_payment_share", "so_cq_thanh_toan": "online_payment_share",
    "xa_cq_van_ban_so": "documents_signed_digitally_share",
    "so_cq_van_ban_so": "documents_signed_digitally_share",
    "xa_xh_dinh_danh": "eid_level2_share", "xa_xh_tai_khoan": "payment_account_share",
    "xa_xh_smartphone": "smartphone_adults_share",
}


def _cores(node):
    if node.get("code") in CORE:
        node["core"] = CORE[node["code"]]
    for c in node.get("children", []):
        _cores(c)


def write(fid, doc, header):
    _cores(doc["root"])
    text = header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
    (OUT / f"{fid}.yaml").write_text(text, encoding="utf-8")

total = P * 47
write("commune-hanoi-2025", {
 "id": "commune-hanoi-2025", "version": "2025.1-placeholder",
 "name": T("Bộ chỉ số chuyển đổi số cấp xã, phường (mô phỏng theo cấu trúc của Hà Nội năm 2025)", "Commune and ward digital-transformation index (modelled on Hà Nội's 2025 structure)"),
 "description": T("8 nhóm, 47 chỉ số thành phần như Hà Nội công bố; nội dung từng chỉ số là chỗ giữ chỗ.", "8 groups and 47 components as Hà Nội published them; each component's content is a placeholder."),
 "legal_basis": ["Quyết định 5279/QĐ-UBND ngày 23/10/2025 của UBND Thành phố Hà Nội (cấu trúc)", "Quyết định 405/QĐ-BKHCN ngày 03/4/2025 (căn cứ)"],
 "issuer": "vn34-01", "year": 2025, "unit_level": "commune",
 "notes": notes_placeholder(47, total), "sources": HN_SOURCES,
 "aggregation": "points", "total_points": total,
 "root": {"code": "dti_xa", "level": "index", "name": T("Chỉ số chuyển đổi số cấp xã", "Commune digital-transformation index"), "children": COMMUNE},
}, "# Generated structure; see the notes: the groups and their component counts are Hà Nội's (Decision\n# 5279/QĐ-UBND, 23/10/2025), every component's wording, rule and points are PLACEHOLDERS.\n")

# Hà Nội city level: departments, 9 groups, 34 components
PREFIX[0] = "so_"
D = lambda *a: comp(*a)
DEPT = [
 group("nhan_thuc_so", "Nhận thức số", "Digital awareness", [
  D("nt_lanh_dao", "Người đứng đầu trực tiếp chỉ đạo chuyển đổi số của đơn vị", "The head of the department leads its digital transformation", DEPUTY(0), "decision"),
  D("nt_ke_hoach", "Kế hoạch chuyển đổi số năm được ban hành đúng hạn", "The yearly plan is issued on time", YES(), "decision"),
  D("nt_tuyen_truyen", "Số tin, bài tuyên truyền về chuyển đổi số", "Articles on digital transformation", COUNT(2), "list")]),
 group("the_che_so", "Thể chế số", "Digital institutions", [
  D("tc_quy_che", "Quy chế quản lý, vận hành hệ thống thông tin", "Rules for running the information systems", YES(), "decision"),
  D("tc_kien_truc", "Kiến trúc, danh mục dữ liệu của ngành được cập nhật", "The sector's architecture and data catalogue are up to date", YES(), "decision"),
  D("tc_kinh_phi", "Tỷ lệ kinh phí chuyển đổi số được bố trí so với kế hoạch", "Budget allotted against the plan", PROP(100), "report", "percent"),
  D("tc_chinh_sach", "Số cơ chế, chính sách về chuyển đổi số của ngành được tham mưu ban hành", "Digital-transformation policies proposed and issued", COUNT(5), "list")]),
 group("ha_tang_so", "Hạ tầng số", "Digital infrastructure", [
  D("ht_may_tinh", "Tỷ lệ công chức được trang bị máy tính đáp ứng yêu cầu", "Share of officials with an adequate computer", PROP(100), "report", "percent"),
  D("ht_nen_tang", "Các hệ thống của ngành chạy trên hạ tầng, nền tảng dùng chung của thành phố", "The sector's systems run on the city's shared platforms", PROP(100), "report", "percent")]),
 group("nhan_luc_so", "Nhân lực số", "Digital human resources", [
  D("nl_chuyen_trach", "Có bộ phận, công chức chuyên trách công nghệ thông tin", "A unit or official dedicated to IT", YES(), "decision"),
  D("nl_tap_huan", "Tỷ lệ công chức được tập huấn kỹ năng số", "Share of officials trained in digital skills", PROP(100), "report", "percent"),
  D("nl_chu_ky_so", "Tỷ lệ công chức sử dụng chữ ký số", "Share of officials using a digital signature", PROP(100), "portal", "percent")]),
 group("attt", "An toàn thông tin mạng", "Cybersecurity", [
  D("at_cap_do", "Tỷ lệ hệ thống thông tin được phê duyệt cấp độ", "Share of information systems with an approved security level", PROP(100), "decision", "percent"),
  D("at_giam_sat", "Hệ thống được kết nối giám sát an toàn thông tin tập trung", "Systems connected to central security monitoring", PROP(100), "report", "percent"),
  D("at_su_co", "Không để xảy ra sự cố mất an toàn thông tin", "No information-security incident", YES(), "report"),
  D("at_dien_tap", "Tham gia diễn tập, ứng cứu sự cố", "Takes part in incident-response drills", YES(), "report"),
  D("at_kiem_tra", "Kết quả kiểm tra an toàn thông tin", "Result of the security inspection", APPR(), "council")]),
 group("hd_cqs", "Hoạt động chính quyền số", "Digital government activity", [
  D("cq_toan_trinh", "Tỷ lệ thủ tục hành chính cung cấp trực tuyến toàn trình", "Share of procedures offered fully online", TIERS((50, 0), (70, 0), (90, 0)), "portal", "percent"),
  D("cq_ho_so_truc_tuyen", "Tỷ lệ hồ sơ nộp trực tuyến", "Share of applications filed online", PROP(80), "portal", "percent"),
  D("cq_dung_han", "Tỷ lệ hồ sơ giải quyết đúng hạn", "Share of applications settled on time", TIERS((90, 0), (95, 0), (98, 0)), "portal", "percent"),
  D("cq_so_hoa", "Tỷ lệ hồ sơ, kết quả được số hóa", "Share of case files and results digitised", PROP(100), "portal", "percent"),
  D("cq_thanh_toan", "Tỷ lệ thanh toán trực tuyến", "Share of fees paid online", PROP(80), "portal", "percent"),
  D("cq_van_ban_so", "Tỷ lệ văn bản ký số, gửi trên môi trường mạng", "Share of documents signed and sent digitally", PROP(100), "portal", "percent"),
  D("cq_csdl", "Cơ sở dữ liệu chuyên ngành được xây dựng, kết nối", "Sector databases built and connected", COUNT(5), "list"),
  D("cq_du_lieu_mo", "Số bộ dữ liệu mở được công bố", "Open datasets published", COUNT(2), "list"),
  D("cq_chia_se", "Kết nối, chia sẻ dữ liệu qua nền tảng dùng chung", "Data shared through the shared platform", YES(), "report"),
  D("cq_bao_cao", "Báo cáo định kỳ trên hệ thống thông tin báo cáo", "Periodic reports filed on the reporting system", PROP(100), "portal", "percent"),
  D("cq_hai_long", "Mức độ hài lòng của người dân, doanh nghiệp", "Satisfaction of residents and firms", APPR(), "council")]),
 group("hd_kts", "Hoạt động kinh tế số", "Digital economy activity", [
  D("kt_nhiem_vu", "Kết quả thực hiện nhiệm vụ phát triển kinh tế số được giao", "Results of the digital-economy tasks assigned", APPR(), "council")]),
 group("hd_xhs", "Hoạt động xã hội số", "Digital society activity", [
  D("xh_ung_dung", "Dịch vụ của ngành trên ứng dụng công dân số của thành phố", "The sector's services on the city's citizen app", COUNT(4), "list"),
  D("xh_ky_nang", "Hoạt động phổ cập kỹ năng số trong lĩnh vực ngành", "Digital-skills outreach in the sector", COUNT(4), "list"),
  D("xh_phan_anh", "Tỷ lệ phản ánh, kiến nghị xử lý trên nền tảng số", "Share of reports handled on the digital platform", PROP(100), "portal", "percent")]),
 group("hoan_thanh_ke_hoach", "Mức độ hoàn thành kế hoạch chuyển đổi số năm", "Completion of the year's digital-transformation plan", [
  D("kh_nhiem_vu", "Tỷ lệ nhiệm vụ của kế hoạch năm hoàn thành đúng hạn", "Share of the plan's tasks completed on time", PROP(100), "report", "percent"),
  D("kh_chi_tieu", "Tỷ lệ chỉ tiêu của kế hoạch năm đạt", "Share of the plan's targets met", PROP(100), "report", "percent")]),
]
dtotal = P * 34
write("department-hanoi-2025", {
 "id": "department-hanoi-2025", "version": "2025.1-placeholder",
 "name": T("Bộ chỉ số chuyển đổi số các sở, ban, ngành (mô phỏng theo cấu trúc cấp thành phố của Hà Nội năm 2025)", "Departments' digital-transformation index (modelled on Hà Nội's 2025 city-level structure)"),
 "description": T("9 nhóm, 34 chỉ số thành phần như Hà Nội công bố; nội dung từng chỉ số là chỗ giữ chỗ.", "9 groups and 34 components as Hà Nội published them; each component's content is a placeholder."),
 "legal_basis": ["Quyết định 5279/QĐ-UBND ngày 23/10/2025 của UBND Thành phố Hà Nội (cấu trúc)"],
 "issuer": "vn34-01", "year": 2025, "unit_level": "department",
 "notes": notes_placeholder(34, dtotal) + [T("Theo hướng dẫn của Hà Nội, 17 sở, ban, ngành được đánh giá theo 33/34 chỉ số; chỉ 8 sở có nhiệm vụ phát triển kinh tế số được đánh giá thêm nhóm hoạt động kinh tế số. chiso chưa khai báo phạm vi áp dụng theo đơn vị: một sở không có số liệu kinh tế số sẽ không có tổng điểm.", "By Hà Nội's guidance, its 17 departments are assessed on 33 of the 34 components; only the 8 with digital-economy tasks are assessed on the digital-economy group too. chiso does not yet declare per-unit applicability: a department without a digital-economy figure gets no total.")],
 "sources": HN_SOURCES,
 "aggregation": "points", "total_points": dtotal,
 "root": {"code": "dti_so", "level": "index", "name": T("Chỉ số chuyển đổi số của sở, ban, ngành", "Department digital-transformation index"), "children": DEPT},
}, "# Generated structure; see the notes: the groups and their component counts are Hà Nội's city level\n# (Decision 5279/QĐ-UBND, 23/10/2025), every component's wording, rule and points are PLACEHOLDERS.\n")

# DTI 405: 8 main indices; the 47 components are not public in what was read
MAIN = [("nhan_thuc_so", "Nhận thức số", "Digital awareness", 50), ("the_che_so", "Thể chế số", "Digital institutions", 50),
        ("ha_tang_so", "Hạ tầng số", "Digital infrastructure", 140), ("nhan_luc_so", "Nhân lực số", "Digital human resources", 100),
        ("attt", "An toàn thông tin mạng", "Cybersecurity", 100), ("hd_cqs", "Hoạt động chính quyền số", "Digital government activities", 200),
        ("hd_kts", "Hoạt động kinh tế số", "Digital economy activities", 150), ("hd_xhs", "Hoạt động xã hội số", "Digital society activities", 150)]
kids = [{"code": c, "name": T(f"{vi} (chỉ số chính như Bộ công bố, 0–1)", f"{en} (the main index as the ministry publishes it, 0–1)"),
     "max_points": pts, "unit": "index", "goalposts": {"low": 0, "high": 1}, "values": {"min": 0, "max": 1},
     "rule": {"kind": "proportional", "target": 1},
     "evidence": T("Kết quả DTI do Bộ Khoa học và Công nghệ công bố", "The DTI results published by the Ministry of Science and Technology")}
    for c, vi, en, pts in MAIN]
write("dti-province-405", {
 "id": "dti-province-405", "version": "2024.1-partial",
 "name": T("Chỉ số chuyển đổi số cấp tỉnh theo Quyết định 405/QĐ-BKHCN (cấu trúc công khai)", "Provincial DTI under Decision 405/QĐ-BKHCN (its public structure)"),
 "description": T("8 chỉ số chính; 47 chỉ số thành phần chưa công khai trong các nguồn đã đọc.", "8 main indices; the 47 components are not public in the sources read."),
 "legal_basis": ["Quyết định 405/QĐ-BKHCN ngày 03/4/2025 của Bộ Khoa học và Công nghệ"],
 "issuer": "ministry", "year": 2024, "unit_level": "province",
 "notes": [
  T("Công bố: DTI cấp tỉnh có 8 chỉ số chính và 47 chỉ số thành phần, thang 1.000 điểm (nhóm nền tảng chung: nhận thức số, thể chế số, hạ tầng số, nhân lực số, an toàn thông tin mạng; nhóm hoạt động: chính quyền số, kinh tế số, xã hội số). DTI cấp bộ có 6 chỉ số chính, 31 chỉ số thành phần; DTI quốc gia 12 chỉ số (chính phủ số 400, kinh tế số 300, xã hội số 300 điểm).",
    "Public: the provincial DTI has 8 main indices and 47 components on a 1,000-point scale (common foundations: awareness, institutions, infrastructure, human resources, cybersecurity; activities: digital government, economy, society). The ministry-level DTI has 6 main indices and 31 components; the national DTI 12 indicators (digital government 400, economy 300, society 300 points)."),
  T("Chưa công khai trong các nguồn đã đọc: tên của 47 chỉ số thành phần, cách chia chúng cho các chỉ số chính, điểm và quy tắc chấm của từng chỉ số. Vì vậy mỗi chỉ số chính là một mục được chấm: giá trị do Bộ công bố (0–1), theo tỷ lệ với đích 1 (giá trị × điểm), cùng mã với các khung DTI khác để dùng chung số liệu công bố.",
    "Not public in the sources read: the names of the 47 components, their split among the main indices, and each one's points and rule. Each main index is therefore one scored item: its value as the ministry publishes it (0–1), in proportion to a target of 1 (value × points), with the same code as in the other DTI frameworks so the published figures serve it."),
  T("Điểm của các chỉ số chính được SUY RA từ kết quả DTI 2024 đã công bố (cả 34 tỉnh khớp trong 0,00007): tổng 940 điểm, không phải 1.000 như văn bản nêu; 60 điểm còn lại không thấy trong các chỉ số chính đã công bố.",
    "The main indices' points are INFERRED from the published DTI 2024 results (all 34 provinces fit within 0.00007): 940 points in all, not the 1,000 the decision states; the other 60 points do not appear in the published main indices."),
 ],
 "sources": [
  "https://thuvienphapluat.vn/bulletin/document.aspx?bid=80c046b9-9fe8-4f3f-8c21-09a875e66f3c (Quyết định 405/QĐ-BKHCN, 03/4/2025)",
  "https://www.sggp.org.vn/tphcm-trong-nhom-dan-dau-ve-chuyen-doi-so-quoc-gia-post819198.html (21/10/2025: 8 chỉ số chính, 47 chỉ số thành phần cấp tỉnh; DTI quốc gia 12 chỉ số, 1.000 điểm)",
  "https://skhcn.laocai.gov.vn/tin-trong-nuoc/ban-hanh-bo-chi-so-danh-gia-chuyen-doi-so-dti-nam-2025-1337596 (DTI cấp bộ: 31 chỉ số thành phần; quốc gia: 12)",
 ],
 "aggregation": "points", "total_points": 940,
 "root": {"code": "pdti", "level": "index", "name": T("Chỉ số chuyển đổi số cấp tỉnh", "Provincial DTI"), "children": kids},
}, "# The public structure of Decision 405/QĐ-BKHCN's provincial DTI; see the notes for what is not public.\n")
print("ok")
