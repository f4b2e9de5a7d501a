-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.1, schema v2): every
-- event handed to a transactional listener (@ApplicationModuleListener) is written here in the
-- publisher's transaction and marked completed when the listener succeeds, so an event whose
-- listener failed or whose instance stopped is published again (on restart, see
-- spring.modulith.events.republish-outstanding-events-on-restart). Created here, not by Modulith.
CREATE TABLE event_publication (
    id                     uuid NOT NULL PRIMARY KEY,
    listener_id            text NOT NULL,
    event_type             text NOT NULL,
    serialized_event       text NOT NULL,
    publication_date       timestamptz NOT NULL,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
