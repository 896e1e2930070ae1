"""Which indicator a figure is about, by the aliases of the framework's indicators.

Each alias is folded into meaningful syllables (`lexicon.tokens`). It matches a figure when its
syllables appear in order around the figure (before it, after it, or across it), close together
and close to the figure, and when the figure's measure (percent, count, money, rank...) fits the
indicator's unit. Levels and network generations next to the figure ("mức 3", "4G") must agree.
The best-scoring indicator wins; a figure with no confident match stays unmatched.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from chiso.extract.lexicon import STOPWORDS, fold, is_discriminator, tokens
from chiso.extract.read import tones
from chiso.framework import Framework, load_framework

MAX_GAP = 8  # alias syllables may be this far apart
MAX_ANCHOR_BEFORE = 9  # an alias ending before a figure must end this close to it
# ranks are told far from their index: "Chỉ số PAPI ... vươn lên vị trí thứ 2/63"
MAX_ANCHOR_RANK = 12
MAX_ANCHOR_AFTER = 4  # an alias starting after a figure must start this close to it
MIN_SCORE = 1.5

# The measures a figure can have and the indicator units each fits.
FITS: dict[str, frozenset[str]] = {
    "percent": frozenset({"percent", "per_100", "per_1000"}),
    "count": frozenset({"count"}),
    "persons": frozenset({"persons", "count"}),
    "vnd": frozenset({"vnd"}),
    "usd": frozenset({"usd"}),
    "rank": frozenset({"rank"}),
    "km2": frozenset({"km2"}),
    "tonnes": frozenset({"tonnes"}),
    "mbps": frozenset({"mbps"}),
    "score": frozenset({"score", "percent"}),  # "PAR Index đạt 87,61 điểm" is a percentage
    "rank_change": frozenset({"rank_change"}),
    "per_100": frozenset({"per_100", "percent"}),  # "87 thuê bao/100 dân"
    "per_1000": frozenset({"per_1000"}),
}

_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)
_GENERATION = re.compile(r"\d+g")  # a network generation's mark ("4g")


@dataclass(frozen=True)
class Alias:
    code: str
    unit: str
    words: tuple[str, ...]
    marks: frozenset[str]  # discriminators: levels, generations


@dataclass(frozen=True)
class Match:
    code: str
    score: float
    confidence: float
    alias: str


@dataclass(frozen=True)
class Context:
    """The sentence around one figure, as folded syllables with positions (the figure is at 0)."""

    before: tuple[str, ...]  # nearest last
    after: tuple[str, ...]  # nearest first
    marks: frozenset[str]  # discriminators in the figure's own stretch of text


@lru_cache(maxsize=8)
def alias_index(framework_id: str = "chiso-core") -> tuple[Alias, ...]:
    return build_index(load_framework(framework_id))


def build_index(fw: Framework) -> tuple[Alias, ...]:
    seen: set[tuple[str, tuple[str, ...]]] = set()
    out: list[Alias] = []
    for node in fw.indicators():
        phrases = [node.name_vi, node.name_en, *node.aliases_vi, *node.aliases_en]
        for phrase in phrases:
            words = tuple(tokens(tones(phrase)))  # "số hóa" as the text is read: "số hoá"
            if not words or (node.code, words) in seen:
                continue
            seen.add((node.code, words))
            marks = frozenset(w for w in words if is_discriminator(w))
            out.append(Alias(node.code, node.unit or "", words, marks))
    return tuple(out)


_BY_UNIT: dict[tuple[int, frozenset[str]],
               tuple[tuple[Alias, ...], dict[str, tuple[tuple[int, Alias], ...]]]] = {}


def _by_unit(index: tuple[Alias, ...],
             fits: frozenset[str]) -> dict[str, tuple[tuple[int, Alias], ...]]:
    """The aliases of indicators whose unit fits, keyed by their rarest word (an alias can only
    match when that word is present), with their place in the index so that ties resolve as
    the index orders them (cached per index object)."""
    key = (id(index), fits)
    hit = _BY_UNIT.get(key)
    if hit is None or hit[0] is not index:
        fitting = [(k, a) for k, a in enumerate(index) if a.unit in fits]
        freq = Counter(w for _, a in fitting for w in set(a.words))
        by_word: dict[str, list[tuple[int, Alias]]] = {}
        for k, a in fitting:
            by_word.setdefault(min(a.words, key=lambda w: (freq[w], w)) if a.words else "",
                               []).append((k, a))
        hit = (index, {w: tuple(v) for w, v in by_word.items()})
        _BY_UNIT[key] = hit
    return hit[1]


def words_of(text: str) -> list[str]:
    return list(_words_of(text))


@lru_cache(maxsize=64)  # a sentence's stretches are folded again for its figures
def _words_of(text: str) -> tuple[str, ...]:
    return tuple(t for t in _TOKEN_RE.findall(fold(text)) if t not in STOPWORDS)


FIGURE = "qqfigqq"  # stands for another figure in a context


def context(before: list[str], after: list[str], own_before: list[str],
            own_after: list[str]) -> Context:
    """Build a figure's context from folded words (`words_of`). Other figures in `before` and
    `after` are `FIGURE` markers; `own_*` are the words between this figure and its neighbours."""
    own = [w for w in own_after if is_discriminator(w)]
    if not own:
        own = [w for w in own_before if is_discriminator(w)]
    return Context(tuple(reversed(before)), tuple(after), frozenset(own))


def _strip_figures(seq: tuple[str, ...]) -> tuple[list[str], list[int]]:
    """Words without figure markers, and for each the number of figures crossed to reach it."""
    if FIGURE not in seq:  # most stretches cross no other figure
        return list(seq), [0] * len(seq)
    words: list[str] = []
    crossed: list[int] = []
    n = 0
    for w in seq:
        if w == FIGURE:
            n += 1
            continue
        words.append(w)
        crossed.append(n)
    return words, crossed


def _place(words: tuple[str, ...], ctx: Context, anchor: int = MAX_ANCHOR_BEFORE,
           stripped: tuple[list[str], list[int], list[str], list[int]] | None = None
           ) -> float | None:
    """Best placement score of an alias around the figure, or None when it does not fit."""
    best: float | None = None
    n = len(words)
    if stripped is None:
        stripped = (*_strip_figures(ctx.before), *_strip_figures(ctx.after))
    before, crossed_b, after, crossed_a = stripped
    lead = _subject_lead(after)
    reach_b, reach_a = before[:anchor + 1], after[:MAX_ANCHOR_AFTER + 1 + lead]
    for k in range(n + 1):  # words[:k] before the figure, words[k:] after it
        if k and words[k - 1] not in reach_b or k < n and words[k] not in reach_a:
            continue  # the words nearest the figure are out of reach: neither side can fit
        pre = _match_before(words[:k], before, crossed_b, anchor) if k else []
        if pre is None:
            continue
        if 0 < k < n and crossed_b[-pre[-1] - 1] > 0:
            continue  # a phrase wrapped around this figure does not wrap another one too
        post = _match_after(words[k:], after, lead) if k < n else []
        if post is None:
            continue
        # words nearer count more, words after the figure (its noun phrase) most; words reached
        # across another figure count half
        weights = sum([0.5 ** crossed_b[-d - 1] / (1 + (-d) / 8) for d in pre])
        weights += sum([1.5 * 0.75 ** crossed_a[d - 1] / (1 + d / 5) for d in post])
        score = weights + 0.15 * n
        if best is None or score > best:
            best = score
    return best


def _match_before(words: tuple[str, ...], before: list[str], crossed: list[int],
                  anchor: int = MAX_ANCHOR_BEFORE) -> list[int] | None:
    """Match words (in reading order) in `before` (nearest first): returns negative distances.
    Crossing another figure costs as much as three words."""
    if not words:
        return []
    out: list[int] = []
    i = 0
    limit = anchor
    for w in reversed(words):
        try:
            j = before.index(w, i)
        except ValueError:
            return None
        base = crossed[i - 1] if i else 0
        if (j - i) + 3 * (crossed[j] - base) > limit:
            return None
        out.append(-(j + 1))
        i = j + 1
        limit = MAX_GAP
    return out


# who a share is of, said right after it: "80% dân số trưởng thành sử dụng tài khoản định danh
# điện tử" is the share of adults using the e-ID; the alias after it may start past them
_SUBJECTS = (("dân", "số", "trưởng", "thành"), ("người", "trưởng", "thành"), ("người", "dân"),
             ("hộ", "gia", "đình"))
_SUBJECT_VERBS = (("sử", "dụng"), ("có",))


def _subject_lead(after: list[str]) -> int:
    """How many words after a figure name whom it counts (and their verb), or 0."""
    for subject in _SUBJECTS:
        n = len(subject)
        if tuple(after[:n]) == subject:
            for verb in _SUBJECT_VERBS:
                if tuple(after[n:n + len(verb)]) == verb:
                    return n + len(verb)
            return n
    return 0


def _match_after(words: tuple[str, ...], after: list[str], lead: int = 0) -> list[int] | None:
    if not words:
        return []
    out: list[int] = []
    i = 0
    limit = MAX_ANCHOR_AFTER + lead
    for w in words:
        try:
            j = after.index(w, i, i + limit + 1)
        except ValueError:
            return None
        out.append(j + 1)
        i = j + 1
        limit = MAX_GAP
    return out


def match(ctx: Context, measure: str, index: tuple[Alias, ...]) -> list[Match]:
    """The indicators this figure is about: usually one, several for "2G, 3G đạt 100%", none
    when nothing fits well enough."""
    fits = FITS.get(measure, frozenset())
    scored: dict[str, tuple[float, Alias]] = {}
    stripped = (*_strip_figures(ctx.before), *_strip_figures(ctx.after))
    present = set(stripped[0])
    present.update(stripped[2])
    anchor = MAX_ANCHOR_RANK if measure == "rank" else MAX_ANCHOR_BEFORE
    noun = (_counted_noun(ctx) if measure == "count"
            else _per_noun(ctx) if measure in ("per_100", "per_1000") else None)
    unmarked: dict[str, tuple[float, Alias]] = {}  # aliases that ignore the levels/generations
    hit = _BY_UNIT.get((id(index), fits))
    keyed = hit[1] if hit is not None and hit[0] is index else _by_unit(index, fits)
    candidates = list(keyed.get("", ()))
    for w in present:
        got = keyed.get(w)
        if got is not None:
            candidates += got
    candidates.sort()  # in index order (the places differ: no alias is compared)
    for _, alias in candidates:
        if not present.issuperset(alias.words):
            continue
        if alias.marks and not alias.marks <= ctx.marks and (
                ctx.marks or any(_GENERATION.fullmatch(m) for m in alias.marks)):
            # "1.150 trạm BTS, phủ sóng 4G đạt 98%": a network generation the figure's own words
            # do not say is the next clause's, not this figure's
            continue
        if noun is not None and noun not in alias.words and not (
                noun == "người" and _PEOPLE in zip(alias.words, alias.words[1:])):
            # "7 cột ăng ten" are not "trạm BTS": a count is of the noun written after it (and
            # "người dân" of a rate is read as "dân số")
            continue
        s = _place(alias.words, ctx, anchor, stripped)
        if s is None or s < MIN_SCORE:
            continue
        table = unmarked if ctx.marks and not alias.marks else scored
        if alias.code not in table or s > table[alias.code][0]:
            table[alias.code] = (s, alias)
    if not scored and unmarked:
        best_code, (best, alias) = max(unmarked.items(), key=lambda kv: kv[1][0])
        if not _levels_tell_apart(ctx.marks, best_code, index):
            # "tỷ lệ UBND cấp xã kết nối mạng truyền số liệu chuyên dùng": an administrative
            # level naming who, of an indicator no level tells apart, is as sure as no mark
            scored = unmarked
        else:
            levels = [m for m in ctx.marks if m.startswith("cấp")]
            variant = (best_code + _LEVEL_OF_MARK.get(levels[0], "")
                       if len(levels) == len(ctx.marks) == 1 else None)
            if variant is not None and variant in _codes_of(index):
                # "tỷ lệ sử dụng văn bản điện tử hơn 99% ở cấp tỉnh": the level the figure's own
                # words say, of an indicator kept by level
                return [Match(variant, best, 0.6, " ".join(alias.words))]
            if ctx.marks <= _LOW_LEVELS:
                # "1.349 thủ tục hành chính cấp độ 2", "mức độ 1,2 là 2.268 thủ tục": the part of
                # the low levels (no online service) of a total; offered for a look, no more (the
                # parts after it still name theirs by it: "mức độ 3 là 1.089 thủ tục")
                return [Match(best_code, best, 0.3, " ".join(alias.words))]
            # "Tỷ lệ hồ sơ trực tuyến mức độ 3, 4": no indicator tells the levels apart; less sure
            return [Match(best_code, best, 0.5, " ".join(alias.words))]
    if not scored:
        return []
    # a tie goes to the indicator kept in the figure's own unit: "Tỷ lệ người dân sử dụng điện
    # thoại thông minh đạt 87,5%" is a share, not smartphones per 100 inhabitants
    ranked = sorted(scored.items(), key=lambda kv: (-kv[1][0], kv[1][1].unit != measure))
    best_code, (best, best_alias) = ranked[0]
    runner = ranked[1][1][0] if len(ranked) > 1 else 0.0
    confidence = round(min(0.99, 0.5 + 0.1 * best - 0.2 * (runner / best)), 2)
    out = [Match(best_code, best, max(0.05, confidence), " ".join(best_alias.words))]
    if len(ctx.marks) > 1 and best_alias.marks:  # "2G, 3G đạt 100%": one figure, two indicators
        taken = set(best_alias.marks)
        for code, (s, alias) in ranked[1:]:
            if alias.marks and not (alias.marks & taken) and s >= best - 0.6:
                out.append(Match(code, s, max(0.05, confidence), " ".join(alias.words)))
                taken |= alias.marks
    return out


_LOW_LEVELS = frozenset({"mức1", "mức2"})
_LEVEL_CODES = ("_provincial", "_district", "_commune")
_LEVEL_OF_MARK = {"cấptỉnh": "_provincial", "cấphuyện": "_district", "cấpxã": "_commune"}


def _levels_tell_apart(marks: frozenset[str], code: str, index: tuple[Alias, ...]) -> bool:
    """Do `marks` tell `code` from a sibling? Generations and service levels may ("4G", "mức
    độ 3"); administrative levels ("cấp xã") only for an indicator kept by level
    ("work_records_online_share_commune")."""
    if not all(m.startswith("cấp") for m in marks):
        return True
    codes = _codes_of(index)
    return any(code + lv in codes for lv in _LEVEL_CODES)


_CODES_OF: dict[int, tuple[tuple[Alias, ...], frozenset[str]]] = {}


def _codes_of(index: tuple[Alias, ...]) -> frozenset[str]:
    """The indicator codes of an index (cached per index object)."""
    hit = _CODES_OF.get(id(index))
    if hit is None or hit[0] is not index:
        hit = _CODES_OF[id(index)] = (index, frozenset(a.code for a in index))
    return hit[1]


# words that stand between a count and what is counted:
# "1.090 vị trí trạm BTS", "2.021 thiết bị trạm"
_CLASSIFIERS = frozenset({"vị", "trí", "thiết", "bị", "chiếc", "cái", "con", "thủ", "tục"})


# nouns of several words that are not their head word: a base station controller (BSC) is no
# base station
_COMPOUNDS = {("trạm", "điều", "khiển"): "trạm điều khiển"}


# "máy" (a set) counts telephones unless it names another machine: "426.545 máy" are phone
# lines, "1.200 máy tính" computers
_MACHINES = frozenset({"tính", "chủ", "in", "quét", "móc", "phát", "chiếu", "ảnh", "bay"})


def _counted_noun(ctx: Context) -> str | None:
    """The first word written after a count (what it counts), or None."""
    for k, w in enumerate(ctx.after[:3]):
        if w == FIGURE:
            return None
        if w == "máy" and (k + 1 == len(ctx.after) or ctx.after[k + 1] not in _MACHINES):
            return "thoại"
        if w in _NO_NOUN or (w.startswith("mức") and ctx.before[:1] != (w,)
                             and ctx.before[:1] and ctx.before[0].startswith("mức")):
            # "36.000 (tăng 9.000 thuê bao ...)", "mức độ 3 là 1.089 thủ tục và mức độ 4 là 450":
            # a change, or the next figure's service level (this one said its own right before
            # it), follows; the count names no noun of its own ("1.833 thủ tục cấp tỉnh, 301
            # thủ tục cấp huyện" names its administrative level after it)
            return None
        if w == "bộ" and ctx.after[k + 1:k + 2] == ("hồ",):
            continue  # "500.000 bộ hồ sơ": sets of dossiers
        if w not in _CLASSIFIERS:
            return _COMPOUNDS.get(ctx.after[k:k + 3], w)
    return None


# words that can follow a count but are no noun it counts: verbs of change and comparison,
# prepositions
_NO_NOUN = frozenset({"tăng", "giảm", "đạt", "chiếm", "so", "với", "bằng", "vượt", "gồm", "từ",
                      "đến", "tới", "lên", "xuống", "hơn", "trong", "trên", "dưới"})


_PEOPLE = ("dân", "số")


def _per_noun(ctx: Context) -> str | None:
    """"người" when a rate counts people before its base: "5,25 người/100 dân" is a share of the
    inhabitants (of people using the Internet), not of subscriptions ("1,5 thuê bao/100 dân",
    whose noun the "mật độ" of the alias stands for); None otherwise."""
    for k, w in enumerate(ctx.after[:4]):
        if w in ("100", "1000", "000"):
            return "người" if k and _counted_noun(replace(ctx, after=ctx.after[:k])) == "người" \
                else None
        if w == FIGURE:
            return None
    return None


def companion(words: str, measure: str, index: tuple[Alias, ...],
              marks: frozenset[str] | None = None) -> tuple[str, str] | None:
    """The indicator that shares an alias with another one but fits this measure: the share
    that goes with a count ("221 thủ tục, đạt tỷ lệ 24,9%"), or with `marks` the part of a total
    ("gồm: 147 DVCTT mức 3 và 74 DVCTT mức 4"). Returns (indicator, alias words)."""
    fits = FITS.get(measure, frozenset())
    target = tuple(words.split())
    if marks is not None:  # the total's words with this part's marks in place of its own
        kept = [w for w in target if not is_discriminator(w)]
        at = next((k for k, w in enumerate(target) if is_discriminator(w)), len(target))
        target = (*kept[:at], *sorted(marks), *kept[at:])
        if target == tuple(words.split()):
            return None
    for alias in _by_words(index).get(target, ()):  # in index order, as the index is read
        if alias.unit in fits:
            return alias.code, " ".join(target)
    return None


_BY_WORDS: dict[int, tuple[tuple[Alias, ...], dict[tuple[str, ...], tuple[Alias, ...]]]] = {}


def _by_words(index: tuple[Alias, ...]) -> dict[tuple[str, ...], tuple[Alias, ...]]:
    """The aliases of an index by their words, each word list's in index order (cached per
    index object): `companion` looks one up, not through the whole index."""
    hit = _BY_WORDS.get(id(index))
    if hit is None or hit[0] is not index:
        by: dict[tuple[str, ...], list[Alias]] = {}
        for alias in index:
            by.setdefault(alias.words, []).append(alias)
        hit = _BY_WORDS[id(index)] = (index, {w: tuple(v) for w, v in by.items()})
    return hit[1]
