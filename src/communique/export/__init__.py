"""Writers for coded articles: PLOVER JSONL, GeoJSON and a readable summary table."""
