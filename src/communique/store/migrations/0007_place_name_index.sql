-- The place filter (`place=` in the web API, a click on the map) asks for the events whose place,
-- as shown (resolved name, else the words of the text), is one name. Without this index both
-- engines scanned the places table for every such query (docs/web.md, load figures).
CREATE INDEX places_name ON places((coalesce(resolved_place, extracted_place)), event_id);
