"""The readers: filled cards (YAML, JSON, xlsx), round workbooks, round folders and plan files, with their positions."""
