"""The catalog: the frameworks and administrative units chiso works with, as the store holds them.

Built once from the store (`chiso.store.catalog.load_catalog`) and passed to whatever needs
frameworks or units: entry, review, import, publication, index runs, extraction and the pages
all read the same versions. The shipped YAML and CSV files only seed the store (`chiso init`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from chiso.errors import NotFound
from chiso.framework import Framework, Node
from chiso.units.registry import Registry, UnitRecord


@dataclass(frozen=True)
class Catalog:
    """Framework versions by (code, version), the latest version of each code, and the units."""

    versions: Mapping[tuple[str, str], Framework]
    latest: Mapping[str, Framework]
    units: Registry
    version: str = ""  # what the store's frameworks and units were when this was built
    _nodes: dict[str, Node] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, frameworks: Iterable[Framework], units: Registry, version: str = "") -> Catalog:
        """A catalog of framework versions given oldest first (the last of a code is latest)."""
        versions: dict[tuple[str, str], Framework] = {}
        latest: dict[str, Framework] = {}
        for fw in frameworks:
            versions[(fw.id, fw.version)] = fw
            latest[fw.id] = fw
        return cls(versions, latest, units, version)

    def codes(self) -> list[str]:
        return sorted(self.latest)

    def framework(self, code: str, version: str | None = None) -> Framework:
        """A framework by code (its latest version unless one is named)."""
        fw = self.versions.get((code, version)) if version else self.latest.get(code)
        if fw is None:
            have = ", ".join(self.codes()) or "(none)"
            raise NotFound(
                f"Không có khung chỉ số '{code[:80]}'"
                + (f" phiên bản {version[:40]}" if version else "") + f". Các khung: {have}",
                f"No framework '{code[:80]}'" + (f" version {version[:40]}" if version else "")
                + f". Frameworks: {have}",
            )
        return fw

    def frameworks(self, codes: Iterable[str] = ()) -> list[Framework]:
        """The latest version of the frameworks named (all of them for none)."""
        wanted = list(codes)
        if wanted:
            return [self.framework(c) for c in wanted]
        return [self.latest[c] for c in self.codes()]

    def indicator(self, code: str) -> Node | None:
        """An indicator of any framework by code (the latest framework that defines it)."""
        if not self._nodes:
            for fw in self.latest.values():
                for n in fw.indicators():
                    self._nodes.setdefault(n.code, n)
        return self._nodes.get(code)

    def unit(self, unit_id: str) -> UnitRecord:
        """A unit by id, or NotFound."""
        rec = self.units.find(unit_id)
        if rec is None:
            raise NotFound(f"Không có đơn vị hành chính '{unit_id[:40]}'",
                           f"No administrative unit '{unit_id[:40]}'")
        return rec

    def provinces(self, as_of: date) -> list[UnitRecord]:
        return self.units.units(as_of=as_of, level="province")


def shipped_catalog() -> Catalog:
    """The frameworks and units chiso ships, for commands that work on plain files without a
    store (`chiso units`, `chiso template`, `chiso index build`, `chiso extract`)."""
    from chiso.framework import load_framework, shipped_ids

    return Catalog.of((load_framework(f) for f in shipped_ids()), Registry.load(), "shipped")
