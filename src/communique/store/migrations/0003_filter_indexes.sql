-- Indexes for the filters of `communique events` and the web API, which ask "which events have
-- an actor / place / context / person of this kind" as e.id IN (SELECT event_id …): with the
-- event id inside the index, both engines answer from the index alone.
DROP INDEX actors_code;
CREATE INDEX actors_code ON actors(code, role, event_id);
DROP INDEX places_country;
CREATE INDEX places_country ON places(country_code, event_id);
DROP INDEX event_contexts_context;
CREATE INDEX event_contexts_context ON event_contexts(context, event_id);
CREATE INDEX people_country ON people(country, name_key);
