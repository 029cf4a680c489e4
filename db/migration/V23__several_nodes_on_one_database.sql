-- Several nodes on one database: what one node knows, the others must find here.

-- Sessions (Spring Session JDBC, its PostgreSQL schema as shipped): a login, a CSRF token or a flash message made on
-- one node is read by whichever node answers the next request.
CREATE TABLE spring_session (
    primary_id            CHAR(36)     NOT NULL,
    session_id            CHAR(36)     NOT NULL,
    creation_time         BIGINT       NOT NULL,
    last_access_time      BIGINT       NOT NULL,
    max_inactive_interval INT          NOT NULL,
    expiry_time           BIGINT       NOT NULL,
    principal_name        VARCHAR(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id CHAR(36)     NOT NULL,
    attribute_name     VARCHAR(200) NOT NULL,
    attribute_bytes    BYTEA        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id) REFERENCES spring_session (primary_id)
        ON DELETE CASCADE
);

-- Scheduled work (ShedLock's table as documented): the node that takes a task's row runs it; the others skip it until
-- lock_until, so it runs once per interval for the whole installation.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL PRIMARY KEY,
    lock_until TIMESTAMP    NOT NULL,
    locked_at  TIMESTAMP    NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- What nodes keep in memory (the calendar, signatories): a change bumps its topic's generation in the same
-- transaction, and every node that sees a new generation forgets what it kept.
CREATE TABLE cache_generation (
    topic      VARCHAR(64) NOT NULL PRIMARY KEY,
    generation BIGINT      NOT NULL
);
