-- Processes that tail the events (the query side) wake on this instead of waiting for their next poll. PostgreSQL
-- delivers a NOTIFY when the appending transaction commits, and only once per transaction on one channel with one
-- payload, however many events it appends.
CREATE FUNCTION notify_events_appended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('events_appended', '');
    RETURN NULL;
END
$$;

CREATE TRIGGER events_appended AFTER INSERT ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION notify_events_appended();
