"""The development corpus: its manifest holds what the issue asks for, and extraction keeps its
scores.

The issue's target is P >= 0.95 and R >= 0.90 on the held-out part; extraction does not reach it
yet (docs/extraction.md gives the figures). These floors are the scores reached so far, so a
change that loses ground on real reports fails here; raise them as extraction improves.
"""

from __future__ import annotations

import hashlib
import re

import pytest
from corpus import GOLD, MANIFEST, part, scores, text_of

GENRES = {"portal", "news", "plan", "resolution", "dti", "budget", "midarticle"}

# (part, precision floor, recall floor): a little under what is reached, to absorb no noise but
# rounding; the held-out part is scored only, its failures are never read while developing.
# Round 5 (2026-12-03): three fresh samples (rounds 4b, 4c, 4d: 72 documents, 41 dev, 31
# held-out) joined the parts; each time the parts' scores fell with them, not the rules'
# (docs/extraction.md gives the unseen figures). Round 5's rules, chosen on dev: dev
# 0.943/0.923 (174 documents), held-out 0.742/0.756 (82 documents; its 53 documents of round 4:
# 0.756/0.733 -> 0.801/0.782). Round 6 (2026-12-03): 24 fresh documents (18 dev, 6 held-out)
# and rules chosen on dev: dev 0.962/0.944 (192 documents), held-out 0.749/0.765 (88). Round 7
# (2026-12-03): 11 fresh documents (8 dev, 3 held-out) and rules chosen on dev: dev 0.963/0.954
# (200 documents), held-out 0.744/0.765 (91; its 88 of before unchanged, 0.749/0.765).
# Rounds 10 and 11 (2026-12-04): 18 fresh documents (13 dev, 5 held-out), scored unseen first
# (held-out 0.46/0.67 on its 5: 6 figures right, 7 wrong); the whole held-out part fell to
# 0.730/0.762 with them, not with a rule. Rules chosen on dev then: dev 0.960/0.976 (214),
# held-out 0.731/0.773 (96), and on its 91 documents of before 0.744/0.777. The whole part's
# precision floor is set where the larger part stands (0.72); the 91 documents keep the floor
# they had (0.74), so no rule may lose ground on them.
# Rounds 12 and 13 (2026-12-04, sixth session): 36 fresh documents (32 dev, 4 held-out), scored
# unseen first (development 0.541/0.635 and 0.634/0.652); rules chosen on dev after each: dev
# 0.953/0.965 (246), held-out 0.761/0.791 (100), its 91 documents of before 0.768/0.789. The
# floors rise with them. Round 14 (same session): 18 fresh documents (14 dev, 4 held-out), unseen
# development 0.787/0.800; its rules: dev 0.951/0.961 (260), held-out 0.759/0.791 (104), its 91
# of before 0.771/0.789. Round 15: 18 fresh documents (8 dev, 10 held-out), unseen development
# 0.811/0.789, held-out 0.778/0.583; its rules: dev 0.953/0.960 (268), held-out 0.759/0.783
# (114), its 91 of before 0.771/0.789.
# Round 16: 18 fresh documents (12 dev, 6 held-out), unseen development 0.486/0.720, held-out
# 0.625/0.526 (budget pages whose gold holds most figures optional; a plan's results the rules had
# not met); the whole held-out part fell to 0.752/0.767 with them, not with a rule, so its recall
# floor is set where it stands (0.76); its 91 documents of before keep 0.76/0.78.
# Round 17: 18 fresh documents (16 dev, 2 held-out), unseen development 0.391/0.500 (PAPI content
# areas, a flattened table of four indices' ranks, plan years); its rules brought the development
# part back to 0.949/0.942 (296), under the precision floor by a point in a thousand: it is set at
# 0.94 where the part stands with round 17 in it; its 280 documents of before score 0.954/0.961
# (0.951/0.961 before these rules).
# Round 18 (seventh session): 18 fresh documents (10 dev, 8 held-out), unseen development
# 0.850/0.829, held-out 0.579/0.550 (budget pages, a national article's list of provinces); the
# whole held-out part fell to 0.743/0.755 with them, not with a rule, so its floors are set where
# it stands; its 122 documents of before keep theirs (0.75/0.76) as a floor of their own.
# Round 19: 17 fresh documents (12 dev, 5 held-out), unseen development 0.647/0.611, held-out
# 0.163/0.091: one held-out document is dti.gov.vn's table of ten provinces' DTI 2021 ranks and
# scores flattened a cell a line (80 of its 88 required figures), a form no development document
# has; the whole held-out part fell to 0.669/0.615 with it. Its rules, on dev: dev 0.944/0.946
# (318); the held-out part did not move (its 130 of before: 0.743/0.755).
# Round 20: 17 fresh documents (12 dev, 5 held-out), unseen development 0.314/0.134 (three PCI
# ranking tables of provinces, a cell a line and a row a line), held-out 0.800/0.889. Its rules
# (ranking tables of provinces; a project's budget for the year it runs to; "Hải Phòng" is no
# room): dev 0.946/0.951 (330), held-out 0.675/0.623 (140; its 135 of before 0.672/0.617).
# Round 21: 18 fresh documents (11 dev, 7 held-out), unseen development 0.350/0.368, held-out
# 0.500/0.462; the whole held-out part fell to 0.665/0.614 with them. Its rules, on dev: dev
# 0.949/0.948 (341), held-out 0.671/0.616 (147); its documents of before round 21 0.679/0.625,
# of before round 18 0.762/0.774, of before round 10 0.774/0.789: the floors rise with them.
# Round 22: 17 fresh documents (12 dev, 5 held-out), unseen development 0.559/0.594, held-out
# 0.923/1.000. Its rules, on dev: dev 0.951/0.947 (353), held-out 0.683/0.626 (152); its
# documents of before round 22 0.676/0.616, of before round 18 0.769/0.774, of before round 10
# 0.783/0.789.
# Round 23: 17 fresh documents (10 dev, 7 held-out), unseen development 0.552/0.727, held-out
# 0.824/0.609. Its rules, on dev: dev 0.949/0.945 (363), held-out 0.692/0.627 (159); its
# documents of before round 18 0.775/0.777, of before round 10 0.786/0.789.
# Round 24 (the session's last): 18 fresh documents (10 dev, 8 held-out), unseen development
# 0.818/0.562, held-out 0.625/0.484; one rule after it (a rank before a bracket of its pillars'
# ranks is the whole index's): dev 0.949/0.940 (373), held-out 0.689/0.618 (167), its 159 of
# before round 24 0.692/0.627. The whole part's floor is set where it stands with round 24 in
# it (0.68/0.61); the documents of before round 24 keep the floor the part had (0.69/0.62).
# Eighth session (the text as typed, five rules on development errors): dev 0.955/0.947,
# held-out 0.688/0.620 (the tones of "oa", "oe", "uy" read one way: some held-out texts write
# "hóa"); floors unchanged.
# Rounds 25 and 26 (tenth session), fresh documents scored unseen before their rules; round 26's
# first sample (index announcements: PCI, PAPI, PAR Index lists and a yearly table) took the
# part to dev 0.942/0.936 (390), held-out 0.666/0.573 (174). The whole part's floors are set
# where it stands with them; the documents of before round 26 keep the floor the part had.
# Round 27 (29 fresh documents: DTI reports, IT budgets back to 2002, portals, mid-article) took
# the development part to 0.946/0.921 (420) before its rules; held-out 0.690/0.601 (195).
# Round 28 (eleventh session; 29 fresh documents, scored unseen: dev 0.810/0.895, held-out
# 0.762/0.889), then round 29 (16: dev 0.600/0.750, held-out 0.808/0.840), with eleven rules on
# development errors between and after: dev 0.947/0.928 (443), held-out 0.706/0.631 (217), its
# documents of before round 28 0.695/0.602 and of before round 29 0.702/0.624. The floors rise to
# where the parts stand.
# Round 30 (twelfth session, 46 documents from three helpers by region), scored unseen before
# its rules: dev 0.620/0.652 (29), held-out 0.750/0.672 (17); with it the development part stands
# at 0.922/0.908 (472) before its rules. Rules on its and older development errors: dev
# 0.946/0.922 (472), held-out 0.718/0.641 (234). Round 31 (32 documents) scored unseen after
# them: dev 0.650/0.667 (27; the session's first code gave 0.661/0.684), held-out 0.708/0.486
# (5). With it: dev 0.925/0.905 (499), held-out 0.718/0.634 (239); held-out documents of before
# round 26 0.702/0.629, 28 0.705/0.608, 29 0.710/0.630, 30 0.715/0.637, 31 0.718/0.641.
# Round 31's third sample (thirteenth session; 16 documents on e-government, the digital economy
# and budgets), scored unseen: dev 0.667/0.818 (8), held-out 0.375/0.500 (8). Rules on its
# development errors and forms written afresh, then round 32 (31 documents from two helpers),
# scored unseen with them: dev 0.622/0.346 (18), held-out 0.737/0.389 (13) -- exactly what the
# session's first code gives on it. Rules on round 32's development errors after: dev
# 0.922/0.903, 0.925/0.912 with six more (525), held-out 0.715/0.614 (260; round 32's 13
# unmoved at 0.737/0.389); its documents of
# before round 32 0.714/0.634, of before round 31 0.722/0.642. The whole part's floors are set
# where it stands with round 32 in it; the documents of before keep theirs, risen where they rose.
# Round 33 (18 documents, the session's last), scored unseen: dev 0.696/0.941 (11; the session's
# first code 0.667/0.941), held-out 0.200/0.333 (7, on 6 required figures). With it: dev
# 0.922/0.912 (536), held-out 0.712/0.613 (267).
# Fourteenth session: three rules on development errors, then round 34 (20 documents from two
# helpers), scored unseen: dev 0.765/0.765 (13), held-out 0.526/0.833 (7) -- what the session's
# first code gives too. Rules on its and older development errors (a province's name lends no
# words; the provinces as a whole own no figure; ...), then round 35 (20 documents), scored
# unseen: dev 0.759/0.349 (13; a PCI table by year, in English, holds 34 of its 63 figures),
# held-out 0.667/0.522 (7) -- again what the session's first code gives. With them: dev
# 0.926/0.904 (562), held-out 0.715/0.621 (281). Rules on round 35's development errors and
# older ones after (an index's total is never under 10, statistics tables by year, ...): dev
# 0.931/0.923 (562), held-out 0.726/0.622 (281); the 267 held-out documents of before round 34
# 0.732/0.622 (the session's first code 0.712/0.613).
# The sixteenth session's review triage (a candidate the unseen records' model rates under 0.5 needs
# a look: `confidence.rate`): dev 0.933/0.921 -> 0.943/0.894, held-out 0.730/0.618 -> 0.787/0.589
# (300), no rule changed. The seventeenth session's rounds 38 and 39, scored once unseen (round
# 39: 0.861/0.539), and rules on their development documents (tables with cells of no number, a
# product's growth, levels by whose offices, points before a scale, a year closing its item),
# confidence refitted: dev 0.931/0.899 (627), held-out 0.798/0.665 (316). Round 40 (unseen:
# 0.750/0.500), "xếp hạng nhất", a refit on rounds 2-40: dev 0.927/0.899 (639), held-out
# 0.794/0.655 (321); the 300 held-out documents of before round 38 0.796/0.660 (0.787/0.589 at
# the session's start), nearly all of it two PCI profile pages. The eighteenth session's rounds
# 41 to 43, each scored once unseen (0.627/0.493, 0.647/0.550, 0.781/0.802), about twenty rules
# on their development documents and older ones, confidence refitted on rounds 2-43 with two
# more features: dev 0.927/0.896 (711), held-out 0.778/0.643 (366; before the refit 0.780/0.647;
# the 321 held-out documents of before round 41 0.796/0.654, 0.794/0.655 at the session's
# start); the floors are set there.
FLOORS = [("dev", 0.92, 0.89), ("heldout", 0.77, 0.64), ("heldout-before-round-10", 0.84, 0.79),
          ("heldout-before-round-18", 0.82, 0.78), ("heldout-before-round-19", 0.81, 0.78),
          ("heldout-before-round-21", 0.81, 0.63), ("heldout-before-round-24", 0.81, 0.63),
          ("heldout-before-round-26", 0.80, 0.63), ("heldout-before-round-28", 0.81, 0.65),
          ("heldout-before-round-29", 0.81, 0.67), ("heldout-before-round-30", 0.81, 0.68),
          ("heldout-before-round-31", 0.81, 0.67), ("heldout-before-round-32", 0.80, 0.65),
          ("heldout-before-round-33", 0.81, 0.67), ("heldout-before-round-34", 0.80, 0.67),
          ("heldout-before-round-35", 0.80, 0.67), ("heldout-before-round-36", 0.79, 0.66),
          ("heldout-before-round-37", 0.79, 0.65), ("heldout-before-round-38", 0.79, 0.65),
          ("heldout-before-round-39", 0.79, 0.66), ("heldout-before-round-40", 0.79, 0.66),
          ("heldout-before-round-41", 0.79, 0.65), ("heldout-before-round-42", 0.78, 0.64),
          ("heldout-before-round-43", 0.77, 0.64)]


def _before_round(doc: dict, n: int) -> bool:
    """Was the document in the corpus before round `n` (no `added`, or a round under `n`)?"""
    m = re.match(r"round (\d+)", doc.get("added") or "")
    return m is None or int(m.group(1)) < n

# the issue's goal, on the part no rule was developed on
GOAL = (0.95, 0.90)


def test_corpus_has_enough_reports_provinces_and_every_genre():
    provinces = {p for d in MANIFEST for p in d["provinces"] if p != "Việt Nam"}
    assert len(MANIFEST) >= 120
    assert len(provinces) >= 40
    assert {d["genre"] for d in MANIFEST} == GENRES


def test_every_document_records_its_source_and_its_part_follows_the_fixed_split():
    for d in MANIFEST:
        assert d["url"].startswith("http") and d["publisher"], d["doc"]
        held = int(hashlib.sha1(d["doc"].encode()).hexdigest()[:8], 16) % 3 == 0
        assert d["part"] == ("heldout" if held else "dev"), d["doc"]
        assert len(text_of(d)) == d["chars"], d["doc"]


def test_every_gold_figure_is_written_in_its_document():
    docs = {d["doc"]: text_of(d) for d in MANIFEST}
    for g in GOLD:
        assert g["doc"] in docs, g
        assert g["quote"] in docs[g["doc"]], g


@pytest.mark.parametrize(("name", "p_floor", "r_floor"), FLOORS)
def test_extraction_keeps_its_scores_on_each_part(name, p_floor, r_floor):
    if name.startswith("heldout-before-round-"):
        n = int(name.rsplit("-", 1)[1])
        docs = [d for d in part("heldout") if _before_round(d, n)]
    else:
        docs = part(name)
    total, per_genre = scores(docs)
    print(name, round(total.precision, 3), round(total.recall, 3),
          {g: (round(s.precision, 2), round(s.recall, 2)) for g, s in per_genre.items()})
    assert total.precision >= p_floor
    assert total.recall >= r_floor


@pytest.mark.xfail(strict=True, reason="the goal is not met yet: held-out P 0.778, R 0.643 "
                   "(docs/extraction.md); when it is, this test passes and strict xfail fails it, "
                   "so the mark comes off")
def test_the_issues_goal_on_the_held_out_part():
    total, _ = scores(part("heldout"))
    assert total.precision >= GOAL[0] and total.recall >= GOAL[1]
