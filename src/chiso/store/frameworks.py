"""Framework versions in the store: each version stored once with the YAML it came from."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from chiso.errors import StoreError
from chiso.framework import Framework
from chiso.store.models import FrameworkNode, FrameworkRecord


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sync_framework(session: Session, fw: Framework, yaml_text: str) -> FrameworkRecord:
    """Store a framework version once; the same version with other content is an error."""
    digest = sha256_text(yaml_text)
    rec = session.scalar(
        select(FrameworkRecord).where(
            FrameworkRecord.code == fw.id, FrameworkRecord.version == fw.version
        )
    )
    if rec is not None:
        if rec.sha256 != digest:
            raise StoreError(
                f"Khung {fw.id} phiên bản {fw.version} đã có trong cơ sở dữ liệu với nội dung khác."
                " Hãy tăng số phiên bản (version) khi sửa khung chỉ số.",
                f"Framework {fw.id} version {fw.version} is stored with different content."
                " Give the framework a new version when you change it.",
            )
        return rec
    rec = FrameworkRecord(
        code=fw.id, version=fw.version, name_vi=fw.name.vi, name_en=fw.name.en,
        aggregation=fw.aggregation, sha256=digest, yaml_text=yaml_text,
    )
    parents = fw.parent_of()
    scored = {n.code for n in fw.scored_indicators()}
    for pos, node in enumerate(fw.nodes()):
        rec.nodes.append(FrameworkNode(
            code=node.code, parent_code=parents[node.code], level=node.level, position=pos,
            name_vi=node.name.vi, name_en=node.name.en, unit=node.unit, direction=node.direction,
            weight=node.weight, max_points=node.max_points,
            scored=node.code in scored if node.is_indicator else node.scored,
        ))
    session.add(rec)
    session.flush()
    return rec


def frameworks(session: Session) -> Sequence[FrameworkRecord]:
    """Every stored framework version, by code, oldest load first within a code."""
    return session.scalars(
        select(FrameworkRecord).order_by(FrameworkRecord.code, FrameworkRecord.id)
    ).all()


def framework(session: Session, code: str, version: str | None = None) -> FrameworkRecord | None:
    """A framework version; without a version, the one loaded last."""
    q = select(FrameworkRecord).where(FrameworkRecord.code == code)
    if version:
        q = q.where(FrameworkRecord.version == version)
    return session.scalars(q.order_by(FrameworkRecord.id.desc()).limit(1)).first()


def last_loaded(session: Session) -> int:
    """The id of the framework version loaded last (0 for none): part of the catalog's version."""
    return int(session.scalar(select(func.max(FrameworkRecord.id))) or 0)
