"""The six socio-economic regions of the 34 provinces in force from 1/7/2025, by province code:
the peers a brief compares a province with, beside the provinces just above it in the ranking.

Source: the six regions of Nghị quyết 81/2023/QH15 (the national master plan), each province
formed on 1/7/2025 placed in the region of the province that gives it its name and seat.
"""

from __future__ import annotations

from chiso.framework.schema import Text

REGIONS: dict[str, tuple[Text, tuple[str, ...]]] = {
    "north": (Text(vi="các tỉnh trung du và miền núi phía Bắc",
                   en="the northern midland and mountain provinces"),
              ("04", "08", "11", "12", "14", "15", "19", "20", "25")),
    "red_river": (Text(vi="các tỉnh, thành phố đồng bằng sông Hồng",
                       en="the Red River delta provinces"),
                  ("01", "22", "24", "31", "33", "37")),
    "centre": (Text(vi="các tỉnh Bắc Trung Bộ và duyên hải miền Trung",
                    en="the north-central and central coast provinces"),
               ("38", "40", "42", "44", "46", "48", "51", "56")),
    "highlands": (Text(vi="các tỉnh Tây Nguyên", en="the Central Highlands provinces"),
                  ("52", "66", "68")),
    "south_east": (Text(vi="các tỉnh, thành phố Đông Nam Bộ", en="the south-east provinces"),
                   ("75", "79", "80")),
    "mekong": (Text(vi="các tỉnh, thành phố đồng bằng sông Cửu Long",
                    en="the Mekong delta provinces"),
               ("82", "86", "91", "92", "96")),
}


def region_of(code: str) -> tuple[Text, tuple[str, ...]] | None:
    """The region (its name and the codes of its provinces) of a province of the 34, if any."""
    return next((r for r in REGIONS.values() if code in r[1]), None)
