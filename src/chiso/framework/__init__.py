"""Indicator frameworks as data: schema, loading and validation."""

from chiso.framework.load import load_framework, parse_framework, shipped_ids
from chiso.framework.schema import Framework, Node

__all__ = ["Framework", "Node", "load_framework", "parse_framework", "shipped_ids"]
