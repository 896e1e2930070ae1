"""Whose figure it is: each case of the issue's point 3, read as a report writes it."""

from __future__ import annotations

from chiso.extract.pipeline import extract_text


def rows(text: str, source: str | None = None) -> list[tuple]:
    return [(c.unit, c.indicator, c.kind, c.value)
            for c in extract_text(text, "x.txt", source=source)
            if c.placed]


def test_a_figure_with_no_province_anywhere_is_the_countrys():
    assert rows("Năm 2024, tỷ lệ hộ gia đình có cáp quang đạt 85%.") == [
        ("Việt Nam", "fiber_households_share", "national_average", 85.0)]


def test_ca_nuoc_governs_only_its_own_number():
    text = "Năm 2024, tỷ lệ hộ gia đình có cáp quang của tỉnh Nghệ An đạt 85%, cả nước đạt 80%."
    assert rows(text) == [("Nghệ An", "fiber_households_share", "actual", 85.0),
                          ("Việt Nam", "fiber_households_share", "national_average", 80.0)]


def test_a_list_of_provinces_with_figures_in_brackets_gives_each_its_own():
    text = ("Năm 2024, tỷ lệ hồ sơ trực tuyến của một số tỉnh còn thấp như Hà Giang (38,20%), "
            "Lai Châu (41,5%).")
    assert rows(text) == [("Hà Giang", "online_dossiers_share", "actual", 38.2),
                          ("Lai Châu", "online_dossiers_share", "actual", 41.5)]


def test_respectively_pairs_provinces_and_ranks_in_order():
    text = ("Năm 2024, Chỉ số chuyển đổi số (DTI) của Hà Nội, Hải Phòng, Đà Nẵng lần lượt "
            "giữ vị trí thứ 5, 6, 7.")
    assert rows(text) == [("Hà Nội", "dti_rank", "actual", 5.0),
                          ("Hải Phòng", "dti_rank", "actual", 6.0),
                          ("Đà Nẵng", "dti_rank", "actual", 7.0)]


def test_a_rank_named_after_it_belongs_to_the_province_named():
    assert rows("Năm 2024, đứng thứ 2 về Chỉ số chuyển đổi số (DTI) là TP Huế.") == [
        ("Thừa Thiên Huế", "dti_rank", "actual", 2.0)]


def test_a_provincial_papers_address_names_the_province_when_the_text_does_not():
    assert rows("Năm 2024, tỷ lệ hộ gia đình có cáp quang đạt 85%.",
                "https://baotuyenquang.com.vn/a.html") == [
        ("Tuyên Quang", "fiber_households_share", "actual", 85.0)]


def test_a_ministry_speaking_is_not_the_province_of_the_paper():
    cands = extract_text(("Năm 2024, Bộ Thông tin và Truyền thông cho biết tỷ lệ hộ gia đình "
                          "có cáp quang đạt 85%."),
                         "x.txt", source="https://baonghean.vn/a.html")
    # kept for a look, not dropped
    assert [(c.unit, c.placed, c.needs_look) for c in cands] == [(None, False, True)]


def test_a_pillar_rank_is_not_read_as_the_index_rank():
    text = ("Năm 2024, Chỉ số chuyển đổi số (DTI) của tỉnh Nghệ An xếp thứ 12/63; "
            "trụ cột chính quyền số xếp thứ 9.")
    assert rows(text) == [("Nghệ An", "dti_rank", "actual", 12.0),
                          ("Nghệ An", "dti_digital_government_rank", "actual", 9.0)]


def test_tang_n_bac_is_a_change_of_rank_beside_the_rank():
    text = "Năm 2024, Chỉ số chuyển đổi số (DTI) của tỉnh Nghệ An tăng 5 bậc, xếp thứ 12/63."
    assert rows(text) == [("Nghệ An", "dti_rank_change", "actual", 5.0),
                          ("Nghệ An", "dti_rank", "actual", 12.0)]


def test_numbers_that_are_no_indicator_are_recognised_as_such():
    text = ("Năm 2024, tỉnh Nghệ An triển khai chính quyền số ở 4 cấp, lắp 9 cột ăng ten và có "
            "trên 15% doanh nghiệp tham gia nhóm top 10.")
    cands = extract_text(text, "x.txt")
    assert [c.value for c in cands] == [4.0, 9.0, 15.0]  # seen, kept, not an indicator
    assert not any(c.matched for c in cands)


def test_the_development_reports_read_the_same_of_another_province():
    # (a guard: it passes before and after this session) a rule about whose figure it is must
    # hold for every province, not the ones it was written on: each development report about
    # one province, its name (as written, in capitals, with the tone on either vowel, in its
    # address) replaced by another's, must score as it does
    import random
    import sys
    import unicodedata
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent))
    import corpus

    from chiso.extract.evaluate import score
    from chiso.extract.read import tones

    def ascii_of(name: str) -> str:
        flat = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
        return "".join(ch for ch in flat if unicodedata.category(ch) != "Mn")

    others = ["Lào Cai", "Cà Mau", "Gia Lai", "Quảng Trị", "Tây Ninh", "Đắk Lắk", "Hưng Yên",
              "Vĩnh Long", "Thái Nguyên", "Lâm Đồng", "Phú Thọ", "Ninh Bình", "Sơn La"]
    pick = random.Random(15)
    changed, tried = [], 0
    for d in corpus.part("dev"):
        gold = [g for g in corpus.GOLD if g["doc"] == d["doc"]]
        units = {g["unit"] for g in gold} - {"Việt Nam"}
        text = corpus.text_of(d)
        if len(units) != 1 or d.get("unit_hint") or next(iter(units)) not in text:
            continue
        old = units.pop()
        new = pick.choice([x for x in others if x != old and x not in text])
        swapped = text
        for form in (old, tones(old)):
            swapped = swapped.replace(form, new).replace(form.upper(), new.upper())
        url = d["url"]
        for form in (ascii_of(old).replace(" ", "-"), ascii_of(old).replace(" ", "-").lower(),
                     ascii_of(old).replace(" ", "").lower()):
            url = url.replace(form, ascii_of(new).replace(" ", "-").lower())
        renamed = [dict(g, unit=new if g["unit"] == old else g["unit"]) for g in gold]

        before, after = (score(_sure(text, d["doc"], d["url"]), gold),
                         score(_sure(swapped, d["doc"], url), renamed))
        tried += 1
        if (before.true_positives, len(before.false_positives)) != (
                after.true_positives, len(after.false_positives)):
            changed.append((d["doc"], old, new))
    assert tried >= 150 and not changed


def _sure(text: str, name: str, source: str) -> list[dict]:
    return [c.as_row() for c in extract_text(text, name, source=source)
            if c.matched and not c.needs_look]
