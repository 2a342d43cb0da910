"""The presentation layer: pages, blank cards, plans, reports and charts in every format (Jinja, SVG, xlsx, PDF)."""
