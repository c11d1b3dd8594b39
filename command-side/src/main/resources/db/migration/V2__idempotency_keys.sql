-- What a request sent with an Idempotency-Key answered, written in the transaction of the events it caused,
-- so a key never exists without its events nor the events without their key.
CREATE TABLE idempotency_key (
    subject         text        NOT NULL,
    acting_account  text        NOT NULL,
    idempotency_key text        NOT NULL,
    fingerprint     text        NOT NULL,
    status          integer     NOT NULL,
    content_type    text,
    etag            text,
    body            bytea       NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, acting_account, idempotency_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
