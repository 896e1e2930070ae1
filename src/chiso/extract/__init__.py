"""Extraction of figures from Vietnamese reports: read, split, find figures, match, review."""

from chiso.extract.pipeline import Candidate, extract_file, extract_text

__all__ = ["Candidate", "extract_file", "extract_text"]
