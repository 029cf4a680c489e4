-- Spring Modulith's event publication registry (its schema-postgresql.sql, 1.4): an event is stored in the
-- transaction that publishes it, one row per listener, and completed rows are deleted
-- (spring.modulith.events.completion-mode=delete); what is left is what some listener has still to handle.
CREATE TABLE event_publication (
    id                UUID                      NOT NULL PRIMARY KEY,
    listener_id       TEXT                      NOT NULL,
    event_type        TEXT                      NOT NULL,
    serialized_event  TEXT                      NOT NULL,
    publication_date  TIMESTAMP WITH TIME ZONE  NOT NULL,
    completion_date   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- Analytics records a case when it hears the case concluded, no longer by marking the request module's table.
-- Cases concluded before this version and not recorded yet are kept in analytics' own backlog, recorded at start.
CREATE TABLE cycle_backlog (
    expediente_id  BIGINT  PRIMARY KEY
);
INSERT INTO cycle_backlog (expediente_id)
SELECT id FROM expediente WHERE NOT cycle_recorded AND process_instance_id IS NOT NULL;
DROP INDEX expediente_cycle_unrecorded;
ALTER TABLE expediente DROP COLUMN cycle_recorded;
