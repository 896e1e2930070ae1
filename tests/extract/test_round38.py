"""The seventeenth session's rules: forms extraction misread on rounds 38 and 39's development
documents, written afresh with other provinces, numbers and words; each test fails without its
rule."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text

PROVINCES = ["Hà Tĩnh", "Sóc Trăng", "Yên Bái", "Phú Thọ", "Gia Lai", "Tây Ninh", "Lạng Sơn"]


def _placed(text: str):
    return [c for c in extract_text(text, "t.txt") if c.placed]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(4, 8),
       st.lists(st.integers(4500, 7500), min_size=8, max_size=8, unique=True),
       st.lists(st.integers(1, 63), min_size=8, max_size=8),
       st.sampled_from(["N/A", "-"]))
def test_a_profile_table_side_by_side_with_cells_of_no_number(province, n, scores, ranks, none):
    # a province's PCI profile: "Năm 2022 2021 ... 2006", components' rows (one with "N/A"
    # cells where the component was not yet measured), then "PCI 72.80 64.74 ..." and "Xếp
    # hạng 2 31 ...", under a heading of ranks: each year's score (decimals: no rank) and rank
    years = list(range(2023, 2023 - n, -1))
    values = [s / 100 for s in scores[:n]]
    text = "\n".join([
        f"Xếp hạng trong Chỉ số năng lực cạnh tranh cấp tỉnh (1-63) {province}",
        "",
        "Năm " + " ".join(map(str, years)),
        "Gia nhập thị trường " + " ".join(f"{6 + k / 10:.2f}" for k in range(n)),
        "Cạnh tranh bình đẳng " + " ".join(["7.31", "5.98"] + [none] * (n - 2)),
        "PCI " + " ".join(f"{v:.2f}" for v in values),
        "Xếp hạng " + " ".join(map(str, ranks[:n])),
    ])
    got = {(c.indicator, c.year, c.value) for c in _placed(text)}
    for year, value, rank in zip(years, values, ranks):
        assert ("pci_score", year, round(value, 2)) in got
        assert ("pci_rank", year, rank) in got
    assert not any(ind == "pci_rank" and v != int(v) for ind, _, v in got)


def test_a_row_of_whole_numbers_under_a_heading_of_ranks_stays_ranks():
    # the rule keeps to decimals: "PCI | 18 | 13 | 7" under "Thứ hạng qua các năm" are ranks
    text = "Thứ hạng PCI của tỉnh Gia Lai qua các năm\nChỉ số 2021 2022 2023\nPCI 18 13 7"
    got = {(c.indicator, c.year, c.value) for c in _placed(text)}
    assert {("pci_rank", 2021, 18), ("pci_rank", 2022, 13), ("pci_rank", 2023, 7)} <= got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2021, 2025), st.integers(500, 1400),
       st.sampled_from(["Tổng sản phẩm trên địa bàn (GRDP theo giá so sánh năm 2010)",
                        "Tổng sản phẩm trên địa bàn tỉnh", "Tổng sản phẩm trong tỉnh (GRDP)"]))
def test_the_products_growth_said_far_from_its_name(province, year, hundredths, name):
    # "Tổng sản phẩm trên địa bàn (GRDP theo giá so sánh năm 2010) năm 2024 tăng 8,52%": the
    # product's name further back than the window before a figure, its growth all the same
    rate = f"{hundredths / 100:.2f}".replace(".", ",")
    text = f"Năm {year}, kinh tế tỉnh {province} phát triển. {name} năm {year} tăng {rate}%."
    assert ("grdp_growth", round(hundredths / 100, 2)) in {
        (c.indicator, c.value) for c in _placed(text)}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(10_000, 99_999), st.integers(1, 9),
       st.integers(500, 1400))
def test_the_products_growth_after_its_value_with_a_decimal_comma(province, whole, tenth,
                                                                  hundredths):
    # "GRDP của tỉnh Hà Nam năm 2024 ước đạt 56.116,6 tỷ đồng, tăng 10,93% so với năm 2023": the
    # value's decimal comma does not end the clause that names the product
    value = f"{whole // 1000}.{whole % 1000:03d},{tenth}"
    rate = f"{hundredths / 100:.2f}".replace(".", ",")
    text = (f"Tổng sản phẩm trong tỉnh (GRDP) của tỉnh {province} năm 2024 ước đạt {value} tỷ "
            f"đồng, tăng {rate}% so với năm 2023.")
    assert ("grdp_growth", round(hundredths / 100, 2)) in {
        (c.indicator, c.value) for c in _placed(text)}


def test_a_rise_of_the_product_per_head_is_no_growth_of_the_product():
    # the rule keeps its guard: the value per head, then its rise, is no GRDP growth
    text = "GRDP bình quân đầu người năm 2024 ước đạt 109,8 triệu đồng, tăng 12,5% so với năm 2023."
    assert not [c for c in _placed(text) if c.indicator == "grdp_growth"]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.lists(st.integers(4500, 7500), min_size=5, max_size=5),
       st.lists(st.integers(1, 63), min_size=5, max_size=5))
def test_a_profile_table_whose_last_year_is_not_out_yet(province, scores, ranks):
    # "PCI N/A 67.18 64.87 ...", "Xếp hạng N/A 18 27 ...": the newest year's cell holds no
    # number; each other value keeps its own year's place
    years = list(range(2024, 2018, -1))
    values = [s / 100 for s in scores]
    text = "\n".join([
        f"Xếp hạng trong Chỉ số năng lực cạnh tranh cấp tỉnh (1-63) {province}",
        "Năm " + " ".join(map(str, years)),
        "Tính minh bạch " + " ".join(["N/A"] + [f"{5 + k / 10:.2f}" for k in range(5)]),
        "PCI N/A " + " ".join(f"{v:.2f}" for v in values),
        "Xếp hạng N/A " + " ".join(map(str, ranks)),
    ])
    got = {(c.indicator, c.year, c.value) for c in _placed(text)}
    for year, value, rank in zip(years[1:], values, ranks):
        assert ("pci_score", year, round(value, 2)) in got
        assert ("pci_rank", year, rank) in got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.lists(st.integers(60, 100), min_size=3, max_size=3),
       st.sampled_from([("sở, ngành", "huyện, thị xã, thành phố", "xã, phường, thị trấn"),
                        ("sở, ban, ngành", "huyện, thị xã thành phố", "xã phường, thị trấn")]))
def test_shares_by_level_said_by_whose_offices_they_are(province, shares, offices):
    # "Tỷ lệ xử lý văn bản, hồ sơ công việc trên môi trường mạng tại các sở, ngành đạt 92%; tại
    # các huyện, thị xã thành phố đạt 97%; tại các xã phường, thị trấn đạt 99%"
    a, b, c = shares
    text = (f"Tỉnh {province} đẩy mạnh chính quyền số. Tỷ lệ xử lý văn bản, hồ sơ công việc trên "
            f"môi trường mạng tại các {offices[0]} đạt {a}%; tại các {offices[1]} đạt {b}%; tại "
            f"các {offices[2]} đạt {c}%.")
    got = {(x.indicator, x.value) for x in _placed(text)}
    assert {("work_records_online_share_provincial", a), ("work_records_online_share_district", b),
            ("work_records_online_share_commune", c)} <= got


def test_communes_as_the_subject_are_no_level():
    # the rule keeps to where a figure was measured ("tại", "ở"): communes counted stay counted
    text = "Tỉnh Yên Bái: 100% xã, phường, thị trấn có hạ tầng cáp quang."
    assert ("fiber_communes_share", 100) in {(c.indicator, c.value) for c in _placed(text)}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2, 30), st.integers(7000, 9500))
def test_points_said_before_a_scale(province, rank, hundredths):
    # "Bắc Giang đứng vị trí thứ 4 trên tổng số 63 tỉnh, thành phố với số điểm đạt được
    # 88,54/100": points out of the scale's top, no share
    score = f"{hundredths / 100:.2f}".replace(".", ",")
    text = (f"Chỉ số cải cách hành chính năm 2022: tỉnh {province} đứng vị trí thứ {rank} trên "
            f"tổng số 63 tỉnh, thành phố với số điểm đạt được {score}/100.")
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert ("par_index_score", round(hundredths / 100, 2)) in got
    assert ("par_index_rank", rank) in got


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(1000, 9999), min_size=3, max_size=3))
def test_a_list_of_sums_in_billions_with_no_dong_said(sums):
    # "chi đầu tư cho công nghệ thông tin ... năm 2014 là 6.894 tỷ; năm 2015 là 6.839 tỷ; năm 2016
    # là 6.613 tỷ": money, the year between the spending's words and the first sum
    a, b, c = (f"{v // 1000}.{v % 1000:03d}" for v in sums)
    text = (f"Chi đầu tư cho công nghệ thông tin của tỉnh Lạng Sơn năm 2014 là {a} tỷ; năm 2015 "
            f"là {b} tỷ; năm 2016 là {c} tỷ.")
    got = {(x.indicator, x.value) for x in _placed(text)}
    assert {("it_budget_vnd", v * 1e9) for v in sums} <= got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.lists(st.integers(1, 63), min_size=4, max_size=4),
       st.sampled_from(["Hạng {r} năm {y}", "thứ {r} năm {y}"]))
def test_ranks_by_year_each_with_its_year_after_it(province, ranks, item):
    # "với các thứ hạng: Hạng 2 năm 2021, Hạng 4 năm 2022, Hạng 3 năm 2023 và Hạng 2 năm 2024":
    # each rank's year is the one closing its item, not the one before it
    years = [2021, 2022, 2023, 2024]
    items = [item.format(r=r, y=y) for r, y in zip(ranks, years)]
    text = (f"Chỉ số chuyển đổi số (DTI) của tỉnh {province} liên tục duy trì thứ hạng tốt, "
            f"xếp {', '.join(items[:3])} và {items[3]}.")
    got = {(c.indicator, c.year, c.value) for c in _placed(text)}
    assert {("dti_rank", y, r) for r, y in zip(ranks, years)} <= got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(40, 99),
       st.sampled_from(["người dân, doanh nghiệp", "tổ chức, cá nhân", "cá nhân, tổ chức"]))
def test_a_share_of_whom_said_as_a_pair(province, share, who):
    # "91% hồ sơ của người dân, doanh nghiệp được nộp trực tuyến": the comma of the pair does not
    # end the words that name the share
    text = f"Tại tỉnh {province}, {share}% hồ sơ của {who} được nộp trực tuyến."
    assert ("online_dossiers_share", share) in {(c.indicator, c.value) for c in _placed(text)}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2020, 2025), st.sampled_from(["nhất", "Nhất"]))
def test_ranked_first_in_words_with_no_thu(province, year, word):
    # "thành phố xếp hạng Nhất chỉ số chuyển đổi số cấp tỉnh": rank 1, said outright
    text = f"Năm {year}, tỉnh {province} xếp hạng {word} chỉ số chuyển đổi số cấp tỉnh (DTI)."
    assert ("dti_rank", 1) in {(c.indicator, c.value) for c in _placed(text)}


def test_a_league_named_first_is_no_rank():
    # the rule wants the verb of ranking: "giải hạng Nhất" is a football league
    assert not extract_text("Đội bóng của tỉnh Gia Lai thi đấu ở giải hạng Nhất năm 2024.", "t.txt")


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(20, 95))
def test_a_share_named_from_its_rate_word_to_its_base(province, share):
    # "Về cung cấp dịch vụ công trực tuyến, tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ
    # thủ tục hành chính đã đạt 43%": a share of dossiers under a heading of services
    text = (f"Về cung cấp dịch vụ công trực tuyến, tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số "
            f"hồ sơ thủ tục hành chính của tỉnh {province} đã đạt {share}%.")
    got = {(c.indicator, c.value) for c in _placed(text)}
    assert ("fully_online_dossiers_share", share) in got
    assert not any(ind == "dvc_full_online_share" for ind, _ in got)
