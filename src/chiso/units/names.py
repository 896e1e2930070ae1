"""Unit names as people write them: one normal form for matching.

"TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh" and "TP.HCM" differ in prefix and abbreviation;
"Khánh Hoà" and "Khánh Hòa" in where the tone mark sits; "Thừa Thiên - Huế" in punctuation;
"Ha Noi" in diacritics. `key` maps all of them to the same string.
"""

from __future__ import annotations

import re
import unicodedata

# Prefixes that say what kind of unit a name is. Written with diacritics they are unambiguous
# ("Phường Phương Liệt": only the first word goes); folded, only the province ones are safe
# ("phuong" could be the ward prefix or part of a name).
_PREFIX_VI = re.compile(
    r"^(?:(?:thành phố trực thuộc trung ương|thành phố|tỉnh|tp|đặc khu|phường|xã|thị trấn)\s+"
    r"|(?:tp|t\.p)\.\s*)"
)
_PREFIX_FOLDED = re.compile(r"^(?:(?:thanh pho|tinh|tp)\s+|(?:tp|t\.p)\.\s*)")
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """Lower case without diacritics: "Đắk Lắk" -> "dak lak", "Hoà" and "Hòa" -> "hoa"."""
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.lower().split())


def key(text: str) -> str:
    """The matching key of a name: folded, without the unit-kind prefix, letters and digits only.

    "TP. Hồ Chí Minh" -> "hochiminh"; "Thừa Thiên - Huế" -> "thuathienhue"; "TP.HCM" -> "hcm".
    """
    text = " ".join(unicodedata.normalize("NFC", text).lower().split())
    stripped = _PREFIX_VI.sub("", text, count=1)
    folded = fold(stripped)
    if stripped == text:
        folded = _PREFIX_FOLDED.sub("", folded, count=1)
    return _NOT_ALNUM.sub("", folded)


# "Tân An, Tây Ninh" and "Tân An (Tây Ninh)": a unit and the province it lies in
_WITH_PARENT = re.compile(
    r"^(?P<name>[^,()]+?)\s*(?:,\s*(?P<after>[^,()]+)|\((?P<inside>[^()]+)\))$")
_KINDS = ("thị trấn", "đặc khu", "phường", "xã")


def split_parent(text: str) -> tuple[str, str | None]:
    """A name and the parent written with it: "Tân An, Tây Ninh" -> ("Tân An", "Tây Ninh")."""
    m = _WITH_PARENT.match(" ".join(unicodedata.normalize("NFC", text).split()))
    if m is None:
        return text.strip(), None
    return m.group("name").strip(), (m.group("after") or m.group("inside")).strip()


def written_kind(text: str) -> str | None:
    """The kind of unit a name says it is ("Phường Tân An" -> "phường"), if it says."""
    low = " ".join(unicodedata.normalize("NFC", text).lower().split())
    return next((k for k in _KINDS if low.startswith(k + " ")), None)
