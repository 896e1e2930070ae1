"""Import and export of observations: CSV and XLSX, long and wide, and data-entry templates."""

from chiso.ingest.load import ImportOptions, ImportReport, import_file

__all__ = ["ImportOptions", "ImportReport", "import_file"]
