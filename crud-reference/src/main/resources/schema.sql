CREATE TABLE IF NOT EXISTS account (
    uuid uuid PRIMARY KEY,
    firm_uuid uuid NOT NULL,
    type text NOT NULL,
    first_name text NOT NULL,
    last_name text NOT NULL,
    primary_email uuid,
    primary_phone_number uuid,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS contact_detail (
    uuid uuid PRIMARY KEY,
    firm_uuid uuid NOT NULL,
    type text NOT NULL,
    name text NOT NULL,
    value text NOT NULL,
    country text,
    formatted text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS ownership (
    contact_detail_uuid uuid NOT NULL REFERENCES contact_detail (uuid),
    account_uuid uuid NOT NULL REFERENCES account (uuid),
    PRIMARY KEY (contact_detail_uuid, account_uuid)
);
-- what "a value the owner already owns" looks up
CREATE INDEX IF NOT EXISTS contact_detail_by_value ON contact_detail (type, value);
