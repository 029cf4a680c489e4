-- A case (expediente): the application as filed, its number per municipality and year, and what the citizen sees.
CREATE TABLE case_number_counter (
    ubigeo     CHAR(6)  NOT NULL REFERENCES municipality (ubigeo),
    year       INTEGER  NOT NULL,
    last_value INTEGER  NOT NULL,
    PRIMARY KEY (ubigeo, year)
);

CREATE TABLE expediente (
    id                   BIGSERIAL     PRIMARY KEY,
    case_number          VARCHAR(20)   NOT NULL UNIQUE,
    ubigeo               CHAR(6)       NOT NULL REFERENCES municipality (ubigeo),
    year                 INTEGER       NOT NULL,
    sequence             INTEGER       NOT NULL,
    procedure_key        VARCHAR(80)   NOT NULL,
    access_code_hash     VARCHAR(64)   NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    applicant_document_type   VARCHAR(3)   NOT NULL,
    applicant_document_number VARCHAR(12)  NOT NULL,
    applicant_name       VARCHAR(160)  NOT NULL,
    applicant_email      VARCHAR(160)  NOT NULL,
    applicant_phone      VARCHAR(20),
    ruc                  CHAR(11)      NOT NULL,
    business_name        VARCHAR(200)  NOT NULL,
    trade_name           VARCHAR(200),
    address              VARCHAR(250)  NOT NULL,
    activity             VARCHAR(250)  NOT NULL,
    area_m2              NUMERIC(10,2) NOT NULL CHECK (area_m2 > 0),
    declared_risk        VARCHAR(10)   NOT NULL,
    filed_at             TIMESTAMPTZ   NOT NULL,
    due_date             DATE,
    observation          VARCHAR(2000),
    decision_reason      VARCHAR(2000),
    resolved_at          TIMESTAMPTZ,
    process_instance_id  VARCHAR(64),
    UNIQUE (ubigeo, year, sequence)
);
CREATE INDEX expediente_ubigeo_status ON expediente (ubigeo, status);

-- What happened to a case, in words for the citizen (notifications included).
CREATE TABLE case_event (
    id             BIGSERIAL    PRIMARY KEY,
    expediente_id  BIGINT       NOT NULL REFERENCES expediente (id),
    ubigeo         CHAR(6)      NOT NULL REFERENCES municipality (ubigeo),
    occurred_at    TIMESTAMPTZ  NOT NULL,
    kind           VARCHAR(30)  NOT NULL,
    detail         VARCHAR(2000),
    actor          VARCHAR(64)
);
CREATE INDEX case_event_expediente ON case_event (expediente_id, occurred_at);

-- Uploaded files, kept in the database so every node of a cluster sees them.
CREATE TABLE document (
    id             BIGSERIAL     PRIMARY KEY,
    expediente_id  BIGINT        NOT NULL REFERENCES expediente (id),
    ubigeo         CHAR(6)       NOT NULL REFERENCES municipality (ubigeo),
    requirement    VARCHAR(60)   NOT NULL,
    file_name      VARCHAR(255)  NOT NULL,
    content_type   VARCHAR(60)   NOT NULL,
    size_bytes     BIGINT        NOT NULL,
    sha256         CHAR(64)      NOT NULL,
    content        BYTEA         NOT NULL,
    uploaded_at    TIMESTAMPTZ   NOT NULL,
    uploaded_by    VARCHAR(64)
);
CREATE INDEX document_expediente ON document (expediente_id);
