"""Administrative units (the 63 provinces before 1/7/2025, the 34 after, the communes) and
lineage."""
