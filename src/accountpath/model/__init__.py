"""The model layer: the YAML source with positions, the JSON Schema and the named rules, the typed model and its loader."""
