"""Import and export of observations: CSV and XLSX, long and wide, and data-entry templates."""

from chiso.ingest.load import ImportOptions, ImportReport, check_file

__all__ = ["ImportOptions", "ImportReport", "check_file"]
