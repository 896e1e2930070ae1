"""Round 31's third sample (e-government, the digital economy, budgets): forms extraction misread
on its development documents, written afresh with other provinces and numbers; each test fails
without its rule."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from chiso.extract import extract_text

PROVINCES = ["Bắc Giang", "Hà Nam", "Trà Vinh", "Nam Định", "Kon Tum", "Bạc Liêu"]


def _thousands(n: int) -> str:
    """A count as a Vietnamese text writes it ("1.089"; a bare 1900 would read as a year)."""
    return f"{n:,}".replace(",", ".")


def _dec(x: float) -> str:
    return f"{x:.1f}".replace(".", ",")


def _read(text: str) -> set[tuple[str | None, str, float]]:
    return {(c.indicator, c.kind, c.value) for c in extract_text(text, "t.txt") if c.matched}


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(1100, 2900), st.integers(300, 990),
       st.integers(100, 290))
def test_two_levels_written_as_a_decimal_are_levels(province, low, level3, level4):
    # "mức độ 1,2 là 2.268 thủ tục, mức độ 3 là 1.089 thủ tục": levels 1 and 2, not the number
    # 1.2; each level's count is its own, the next level said after it no noun of this one
    text = (f"Tỉnh {province} đã cung ứng dịch vụ công trực tuyến mức độ 1,2 là "
            f"{_thousands(low)} thủ tục, mức độ 3 là {level3} thủ tục và mức độ 4 là "
            f"{level4} thủ tục.")
    values = {c.value for c in extract_text(text, "t.txt")}
    assert 1.2 not in values
    got = _read(text)
    assert ("dvc_l3_count", "actual", level3) in got
    assert ("dvc_l4_count", "actual", level4) in got
    assert not any(code == "dvc_l3_count" and v == low for code, _, v in got)


def test_a_pair_of_digits_with_a_unit_is_still_a_value():
    values = {c.value for c in extract_text("Tỉnh Hà Nam có lạm phát ở mức 1,2%.", "t.txt")}
    assert 1.2 in values


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(12, 95), st.integers(2, 9))
def test_a_change_after_a_count_names_no_noun(province, thousands, more):
    # "tổng số thuê bao Internet đã đạt 36.000 (tăng 9.000 thuê bao ...)": the bracket's change
    # is not what the count counts
    text = (f"Tại tỉnh {province}, tổng số thuê bao Internet đã đạt {thousands}.000 "
            f"(tăng {more}.000 thuê bao so với cùng kỳ năm trước).")
    assert ("internet_subscribers", "actual", thousands * 1000) in _read(text)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(120, 900), st.integers(5, 60),
       st.sampled_from(["trong đó", "trong số đó", "bao gồm"]))
def test_a_part_of_a_total_is_not_the_total(province, total, part, word):
    # "ít nhất 100 doanh nghiệp công nghệ số, trong đó ít nhất có 10 doanh nghiệp công nghệ số
    # phát triển ra thị trường quốc tế": the part is not the count of digital enterprises
    text = (f"Mục tiêu đến năm 2025, toàn tỉnh {province} có ít nhất {total} doanh nghiệp công "
            f"nghệ số, {word} ít nhất có {part} doanh nghiệp công nghệ số phát triển ra thị "
            f"trường quốc tế.")
    got = _read(text)
    assert ("digital_enterprises_count", "target", total) in got
    assert not any(v == part for _, _, v in got)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2000, 7900), st.integers(500, 1900),
       st.integers(100, 490))
def test_every_part_listed_after_a_total_is_no_total(province, total, first, second):
    text = (f"Tỉnh {province} đã công bố {_thousands(total)} TTHC, trong đó: "
            f"{_thousands(first)} TTHC mới và thay thế, {second} TTHC sửa đổi.")
    got = _read(text)
    assert ("admin_procedures_count", "actual", total) in got
    assert not any(v in (first, second) for _, _, v in got)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(2, 40),
       st.sampled_from(["1", "một", "01"]), st.sampled_from(["trong cả nước", "toàn quốc"]))
def test_one_of_the_countrys_provinces_owns_its_figure(province, many, one, country):
    # "là 1 trong 23 tỉnh, thành phố trong cả nước cung cấp 100% dịch vụ công trực tuyến mức
    # 3, 4": the country names the set of provinces, the figure is the province's own
    text = (f"Tỉnh {province} là {one} trong {many} tỉnh, thành phố {country} cung cấp 100% "
            f"dịch vụ công trực tuyến mức 3, 4.")
    got = {(c.unit, c.indicator, c.kind) for c in extract_text(text, "t.txt") if c.matched
           and c.value == 100}
    assert got == {(province, "dvc_l34_share", "actual")}


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(3000, 9999), min_size=4, max_size=4, unique=True),
       st.integers(2020, 2024))
def test_a_piped_table_under_a_title_reads_its_columns(scores, year):
    # a DTI table copied with pipes under its title ("Kết quả DTI 2022"): the title names no
    # column; each value is of its column's pillar
    cells = " | ".join(f"0,{s}" for s in scores)
    text = (f"Kết quả DTI {year}\nSTT | Tỉnh | DTI | Chính quyền số | Kinh tế số | Xã hội số\n"
            f"1 | Bắc Giang | {cells}\n")
    got = {(c.unit, c.indicator, c.value) for c in extract_text(text, "t.txt") if c.matched
           and c.placed}
    codes = ["dti_score", "dti_digital_government_score", "dti_digital_economy_score",
             "dti_digital_society_score"]
    for code, s in zip(codes, scores):
        assert ("Bắc Giang", code, s / 10000) in got


PILLARS = [("chính quyền số", "dti_digital_government"), ("kinh tế số", "dti_digital_economy"),
           ("xã hội số", "dti_digital_society")]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.lists(st.integers(3000, 9999), min_size=3, max_size=3,
                                            unique=True))
def test_the_last_name_of_a_list_is_the_last_values(province, scores):
    # "chính quyền số 0,8123, kinh tế số 0,6234 và xã hội số 0,7345": the name after "và" has
    # its own value; it does not name the value before it
    (a, _), (b, _), (c, _) = PILLARS
    text = (f"Tỉnh {province} đạt 0,5{scores[0] % 1000:03d} điểm DTI, trong đó {a} "
            f"0,{scores[0]}, {b} 0,{scores[1]} và {c} 0,{scores[2]}.")
    got = _read(text)
    for (_, code), s in zip(PILLARS, scores):
        assert (code + "_score", "actual", s / 10000) in got


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.sampled_from(PILLARS), st.integers(3000, 9999),
       st.integers(1, 34), st.sampled_from(["(hạng {r})", "(xếp thứ {r}/34)", ", xếp thứ {r}"]))
def test_the_rank_given_with_a_pillars_score_is_the_pillars(province, pillar, score, rank, form):
    name, code = pillar
    text = (f"Trụ cột {name} của tỉnh {province} đạt 0,{score} điểm "
            f"{form.format(r=rank)}.")
    got = _read(text)
    assert (code + "_score", "actual", score / 10000) in got
    assert (code + "_rank", "actual", rank) in got
    assert not any(k == "dti_rank" for k, _, _ in got)


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.lists(st.integers(1, 34), min_size=3, max_size=3))
def test_a_pillar_hang_is_a_rank(province, ranks):
    # "chính quyền số hạng 2": a pillar's place, with no index named in the sentence
    text = (f"Tỉnh {province}: " + ", ".join(f"{name} hạng {r}" for (name, _), r in
                                              zip(PILLARS, ranks)) + ".")
    got = _read(text)
    for (_, code), r in zip(PILLARS, ranks):
        assert (code + "_rank", "actual", r) in got


@settings(max_examples=20, deadline=None)
@given(st.integers(2024, 2026), st.integers(3, 9), st.lists(st.integers(10, 99), min_size=2,
                                                           max_size=2, unique=True),
       st.sampled_from(["Chỉ tiêu | Đến năm {a} | Đến năm {b}",
                        "TT | Chỉ tiêu | Năm {a} | Năm {b}"]))
def test_a_table_of_aims_by_year_gives_each_column_its_year(first, gap, shares, head):
    # "Chỉ tiêu | Đến năm 2025 | Đến năm 2030" (or "Năm 2025 | Năm 2030" under "Mục tiêu cụ
    # thể"): each value is the aim for its column's year
    a, b = first, first + gap
    row = " | ".join(f"{v}%" for v in shares)
    text = (f"Mục tiêu cụ thể của tỉnh Hà Nam\n{head.format(a=a, b=b)}\n"
            f"{'1 | ' if head.startswith('TT') else ''}Tỷ lệ hồ sơ trực tuyến | {row}\n")
    got = {(c.indicator, c.kind, c.target_year, c.value) for c in extract_text(text, "t.txt")
           if c.matched}
    assert ("online_dossiers_share", "target", a, shares[0]) in got
    assert ("online_dossiers_share", "target", b, shares[1]) in got


@settings(max_examples=20, deadline=None)
@given(st.integers(2019, 2023), st.lists(st.integers(10, 99), min_size=2, max_size=2,
                                         unique=True),
       st.sampled_from(["Kết quả thực hiện", "Kết quả thực hiện kế hoạch chuyển đổi số"]))
def test_a_table_of_results_by_year_under_chi_tieu_is_of_results(first, shares, title):
    # "Chỉ tiêu" names the indicators of a results table too ("Kết quả thực hiện"): its
    # values are results, each of its column's year
    row = " | ".join(f"{v}%" for v in shares)
    text = (f"{title} của tỉnh Hà Nam\nChỉ tiêu | Năm {first} | Năm {first + 1}\n"
            f"Tỷ lệ hồ sơ trực tuyến | {row}\n")
    got = {(c.indicator, c.kind, c.year, c.value) for c in extract_text(text, "t.txt")
           if c.matched}
    assert ("online_dossiers_share", "actual", first, shares[0]) in got
    assert ("online_dossiers_share", "actual", first + 1, shares[1]) in got


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(600, 899), st.integers(60, 99),
       st.sampled_from(["; riêng tỉnh {p} đạt", ", còn {p} là", "; riêng {p} đạt"]))
def test_a_province_named_alone_has_the_figure_just_said(province, national, own, form):
    # "cả nước có 82,5% dân số trưởng thành sử dụng điện thoại thông minh; riêng tỉnh Long An đạt
    # 85%": the province's own figure of the same indicator
    text = (f"Theo Bộ Thông tin và Truyền thông, cả nước có {_dec(national / 10)}% dân số "
            f"trưởng thành sử dụng điện thoại thông minh{form.format(p=province)} {own}%.")
    got = {(c.unit, c.indicator, c.kind, c.value) for c in extract_text(text, "t.txt")
           if c.matched}
    assert (province, "smartphone_adult_share", "actual", own) in got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.lists(st.integers(1, 63), min_size=3, max_size=3),
       st.sampled_from(["- {n} - {r}", "{n}: {r}", "+ {n} {r}"]),
       st.sampled_from(["Xếp hạng các chỉ số thành phần DTI 2022 của tỉnh {p}:",
                        "Thứ hạng các chỉ số chính DTI của tỉnh {p}:"]))
def test_ranks_listed_a_line_each_under_a_heading_that_ranks(province, ranks, line, head):
    names = [("Thể chế số", "dti_institutions_rank"), ("Hạ tầng số", "dti_infrastructure_rank"),
             ("Nhân lực số", "dti_human_resources_rank")]
    text = head.format(p=province) + "\n" + "\n".join(
        line.format(n=n, r=r) for (n, _), r in zip(names, ranks)) + "\n"
    got = _read(text)
    for (_, code), r in zip(names, ranks):
        assert (code, "actual", r) in got


def test_a_count_under_no_heading_of_ranks_stays_a_count():
    got = {(c.measure, c.value) for c in extract_text(
        "Tỉnh Hà Nam có:\n- Trạm BTS: 41\n- Doanh nghiệp bưu chính: 12\n", "t.txt")}
    assert ("rank", 41) not in got and ("rank", 12) not in got


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(1, 4), st.integers(1, 4))
def test_the_name_past_a_lists_comma_is_the_next_figures(province, low, tenths):
    # "chiếm 2-3% tổng chi, kinh phí an toàn thông tin 0,2-0,3%": the words before the next
    # figure name it, not the share before the comma
    text = (f"Chi ngân sách cho chuyển đổi số của tỉnh {province} chiếm {low}-{low + 1}% tổng "
            f"chi, kinh phí an toàn thông tin 0,{tenths}-0,{tenths + 1}%.")
    got = _read(text)
    assert ("it_budget_share", "actual", low) in got
    assert not any(code == "cyber_budget_share" and v == low for code, _, v in got)


@settings(max_examples=20, deadline=None)
@given(st.sampled_from([("Long An", "baolongan.vn"), ("Nam Định", "baonamdinh.vn"),
                        ("Kon Tum", "baokontum.vn")]),
       st.sampled_from(["Tiền Giang", "Hà Nam", "Bạc Liêu"]),
       st.integers(70, 95), st.integers(30, 65))
def test_a_province_the_lede_compares_with_is_not_the_reports(home, other, own, theirs):
    # a provincial paper's report whose lede compares its province with another ("cao hơn tỉnh
    # Tiền Giang (60%)"): the report is its own province's, the bracket's value the other's
    (province, host), text = home, (
        f"Chuyển đổi số năm 2024: nhiều kết quả nổi bật\nTỷ lệ hồ sơ trực tuyến của tỉnh đạt "
        f"{own}%, cao hơn tỉnh {other} ({theirs}%).\nSo với {other}, tỉnh có tỷ lệ thanh toán "
        f"trực tuyến cao hơn, đạt {theirs + 1}%.\n")
    got = {(c.unit, c.indicator, c.value) for c in extract_text(
        text, "t.txt", source=f"https://{host}/tin-tuc/chuyen-doi-so-a1.html") if c.matched}
    assert (province, "online_dossiers_share", own) in got
    assert (other, "online_dossiers_share", theirs) in got
    assert (province, "online_payment_dossiers_share", theirs + 1) in got


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(400000, 499999))
def test_a_figure_said_again_rounded_is_one_figure(province, ten_thousandths):
    # "đạt 46,0414 điểm ... với tổng số điểm trên 46,04 điểm": the rounded figure is the same
    # fact; the one written in full stays
    full = ten_thousandths / 10000
    text = (f"Năm 2023, chỉ số PAPI của tỉnh {province} đạt {f'{full:.4f}'.replace('.', ',')} "
            f"điểm. Tỉnh {province} đứng đầu bảng xếp hạng PAPI 2023 với tổng số điểm "
            f"{f'{full:.2f}'.replace('.', ',')} điểm.")
    got = [c.value for c in extract_text(text, "t.txt") if c.indicator == "papi_score"]
    assert got == [full]


def test_two_values_of_different_years_are_two_figures_however_close():
    text = ("Chỉ số PAPI của tỉnh Hà Nam năm 2022 đạt 46 điểm; năm 2023 đạt 46,04 điểm.")
    got = sorted(c.value for c in extract_text(text, "t.txt") if c.indicator == "papi_score")
    assert got == [46, 46.04]


@settings(max_examples=25, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(1100, 1900), st.sampled_from(["1", "2"]))
def test_a_count_of_the_low_levels_is_no_indicators(province, count, level):
    # "1.349 thủ tục hành chính cấp độ 2": a part by level that no online service indicator counts
    text = (f"Cổng dịch vụ công tỉnh {province} đã cung cấp {_thousands(count)} thủ tục hành "
            f"chính cấp độ {level}.")
    got = [c for c in extract_text(text, "t.txt") if c.value == count]
    assert got and all(not c.placed for c in got)


GROUPED = [("Vùng Đồng bằng sông Hồng", ["Thành phố Hà Nội", "Vĩnh Phúc", "Bắc Ninh"]),
           ("Vùng Trung du và Miền núi phía Bắc", ["Hà Giang", "Cao Bằng"])]


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(60, 140), min_size=5, max_size=5), st.integers(2024, 2026))
def test_a_numbered_table_of_provinces_with_one_column_of_aims(tenths, year):
    # a resolution's annex: "TT / Mục tiêu tăng trưởng GRDP 2025 (%)", then rows grouped by
    # region, a cell a line ("I / Vùng ... / 1 / Thành phố Hà Nội / 8,0 / 2 / Vĩnh Phúc / 9,0")
    lines = ["Phụ lục mục tiêu tăng trưởng của các địa phương", "TT",
             f"Mục tiêu tăng trưởng GRDP {year} (%)"]
    want, n, values = set(), 0, iter(tenths)
    for k, (region, names) in enumerate(GROUPED):
        lines += ["I" * (k + 1), region]
        for name in names:
            n += 1
            v = next(values) / 10
            lines += [str(n), name, f"{v:.1f}".replace(".", ",")]
            want.add((name.removeprefix("Thành phố "), v))
    got = {(c.unit, c.value) for c in extract_text("\n".join(lines) + "\n", "t.txt")
           if c.indicator == "grdp_growth" and c.kind == "target" and c.target_year == year
           and c.placed}
    assert got == want


@settings(max_examples=20, deadline=None)
@given(st.lists(st.integers(1000, 1299), min_size=4, max_size=4, unique=True),
       st.sampled_from(["%", "phần trăm"]))
def test_a_chart_copied_as_text_gives_each_province_its_value(hundredths, sign):
    # "Nhãn Quảng Ninh Hải Phòng Ninh Bình Phú Thọ Tăng trưởng GRDP % 11.89 11.81 10.65 10.52"
    names = ["Quảng Ninh", "Hải Phòng", "Ninh Bình", "Phú Thọ"]
    values = sorted((h / 100 for h in hundredths), reverse=True)
    text = ("Năm 2025, bốn địa phương tăng trưởng GRDP cao nhất cả nước.\nTop 4 địa phương "
            "tăng trưởng GRDP cao nhất năm 2025 Nguồn: Cục Thống kê Nhãn " + " ".join(names)
            + f" Tăng trưởng GRDP {sign} " + " ".join(f"{v:.2f}" for v in values) + "\n")
    got = {(c.unit, c.value) for c in extract_text(text, "t.txt")
           if c.indicator == "grdp_growth" and c.placed}
    assert got == set(zip(names, values))


def test_the_ministry_in_a_sources_bracket_does_not_own_the_national_figure():
    text = "Theo Cục Thống kê (Bộ Tài chính), GDP cả nước năm 2025 tăng trưởng khá, đạt 8,02%."
    got = {(c.unit, c.indicator, c.kind) for c in extract_text(text, "t.txt") if c.value == 8.02}
    assert got == {("Việt Nam", "grdp_growth", "national_average")}


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(500, 1300))
def test_a_rise_said_as_a_level_of_grdp_is_its_growth(province, hundredths):
    v = hundredths / 100
    text = (f"Dẫn đầu tốc độ tăng GRDP của cả nước là {province} với mức tăng "
            f"{f'{v:.2f}'.replace('.', ',')}%.")
    got = {(c.unit, c.indicator, c.value) for c in extract_text(text, "t.txt") if c.matched}
    assert (province, "grdp_growth", v) in got


def test_a_rise_of_no_growth_indicator_stays_by_how_much():
    got = [c for c in extract_text("Tỉnh có mức tăng cao nhất là 9,39% và thấp nhất là 0,03%.",
                                   "t.txt") if c.matched]
    assert not got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(60, 2500), st.sampled_from(["km2", "km²"]))
def test_people_per_area_are_no_population(province, density, km):
    text = f"Mật độ dân số của tỉnh {province} là {_thousands(density)} người/{km}."
    assert not [c for c in extract_text(text, "t.txt") if c.indicator == "population"]


def test_a_population_is_still_read():
    got = {(c.indicator, c.value) for c in extract_text(
        "Dân số của tỉnh Hà Nam là 1,2 triệu người.", "t.txt") if c.matched}
    assert ("population", 1200000) in got


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.integers(90, 99), st.sampled_from(["3G và 4G", "4G"]))
def test_the_area_a_network_covers_is_no_share_of_people(province, share, generations):
    # "phủ sóng 3G và 4G, đạt 99% diện tích": the area covered, not the population
    text = (f"Toàn tỉnh {province} có hơn 1.200 trạm BTS, phủ sóng {generations}, đạt {share}% "
            f"diện tích.")
    got = [c for c in extract_text(text, "t.txt") if c.value == share and c.matched]
    assert not got


@settings(max_examples=20, deadline=None)
@given(st.integers(60, 95), st.sampled_from(["hai trung tâm kinh tế lớn của cả nước",
                                              "hai đầu tàu kinh tế của cả nước"]))
def test_an_aside_on_what_the_provinces_are_in_the_country_makes_no_national_figure(tenths,
                                                                                   aside):
    v = tenths / 10
    text = (f"Hà Nội và TP.HCM, {aside}, có mức tăng trưởng GRDP năm 2024 lần lượt là "
            f"{f'{v:.1f}'.replace('.', ',')}% và 9,9%.")
    got = {(c.unit, c.kind) for c in extract_text(text, "t.txt") if c.value == v and c.matched}
    assert got == {("Hà Nội", "actual")}


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 99), st.integers(1, 999),
       st.sampled_from([("triệu", "nghìn", 10**6, 10**3), ("tỷ", "triệu", 10**9, 10**6),
                        ("triệu", "ngàn", 10**6, 10**3)]))
def test_a_number_in_two_scales_is_read_whole(big, small, scales):
    # "hơn 1 triệu 300 nghìn thuê bao", "2 tỷ 500 triệu đồng": one number, never its first part
    first, second, f1, f2 = scales
    text = (f"Tổng số thuê bao điện thoại của tỉnh Hà Nam là hơn {big} {first} {small} {second} "
            f"thuê bao.")
    values = [c.value for c in extract_text(text, "t.txt")]
    assert values == [big * f1 + small * f2]


@settings(max_examples=20, deadline=None)
@given(st.sampled_from(PROVINCES), st.sampled_from(["PAPI", "PCI"]), st.integers(2011, 2016),
       st.lists(st.tuples(st.integers(3500, 4999), st.integers(1, 63), st.integers(1, 6)),
                min_size=3, max_size=6))
def test_a_table_by_year_run_into_one_line(province, index, first, rows):
    # "Năm Điểm PAPI Xếp hạng cả nước (63 tỉnh thành) Xếp hạng khu vực Bắc Trung Bộ (6 tỉnh)
    # 2011 40,35 1 1 2012 40,62 1 1 ...": each row's score and national rank, of its year; the
    # rank in the region is no index's
    cells = " ".join(f"{first + k} {s // 100},{s % 100:02d} {r} {g}"
                     for k, (s, r, g) in enumerate(rows))
    text = (f"Chỉ số {index} của tỉnh {province} giai đoạn {first} - {first + len(rows) - 1}\n"
            f"Năm Điểm {index} Xếp hạng cả nước (63 tỉnh thành) Xếp hạng khu vực Bắc Trung Bộ "
            f"(6 tỉnh) {cells}\n")
    code = index.lower()
    got = {(c.indicator, c.year, c.value) for c in extract_text(text, "t.txt")
           if c.placed}
    for k, (s, r, g) in enumerate(rows):
        assert (f"{code}_score", first + k, s / 100) in got
        assert (f"{code}_rank", first + k, r) in got
        if g != r:
            assert (f"{code}_rank", first + k, g) not in got
