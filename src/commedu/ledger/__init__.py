"""Ledgers (台账) in files: workbooks, CSV, TOML and JSON read into the model and written back."""
