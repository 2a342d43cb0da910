"""The site's helpers: generated files for MkDocs or Zensical, the browser tools' pages and model.json."""
