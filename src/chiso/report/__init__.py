"""Printed and downloadable reports: PDF briefs and ranking reports, XLSX workbooks (faces only:
they draw plain view models and compute nothing)."""
