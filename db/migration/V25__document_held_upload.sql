-- A file a citizen attached to an application that came back with errors: kept so that the next round does not ask
-- for it again. The form carries only a random token (128 bits) naming it; nothing reads it but a filing that names
-- the same token and requirement. Filed or not, it is gone after a few hours.
CREATE TABLE held_upload (
    token        VARCHAR(43)  PRIMARY KEY,
    requirement  VARCHAR(80)  NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    kind         VARCHAR(10)  NOT NULL,
    content      BYTEA        NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    held_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX held_upload_held_at ON held_upload (held_at);
