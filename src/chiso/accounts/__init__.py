"""Accounts and data entry: who may do what, and every step from draft to publication."""
