-- Issued certificates: numbered per municipality, document type and year without gaps, verifiable by their code.
CREATE TABLE certificate_counter (
    ubigeo         CHAR(6)      NOT NULL REFERENCES municipality (ubigeo),
    document_type  VARCHAR(40)  NOT NULL,
    year           INTEGER      NOT NULL,
    last_value     INTEGER      NOT NULL,
    PRIMARY KEY (ubigeo, document_type, year)
);

CREATE TABLE certificate (
    id                 BIGSERIAL     PRIMARY KEY,
    verification_code  VARCHAR(20)   NOT NULL UNIQUE,
    ubigeo             CHAR(6)       NOT NULL REFERENCES municipality (ubigeo),
    document_type      VARCHAR(40)   NOT NULL,
    year               INTEGER       NOT NULL,
    sequence           INTEGER       NOT NULL,
    number             VARCHAR(40)   NOT NULL,
    expediente_id      BIGINT        NOT NULL UNIQUE REFERENCES expediente (id),
    holder             VARCHAR(200)  NOT NULL,
    ruc                CHAR(11)      NOT NULL,
    trade_name         VARCHAR(200),
    address            VARCHAR(250)  NOT NULL,
    activity           VARCHAR(250)  NOT NULL,
    area_m2            NUMERIC(10,2) NOT NULL,
    risk_level         VARCHAR(10)   NOT NULL,
    issued_at          TIMESTAMPTZ   NOT NULL,
    status             VARCHAR(10)   NOT NULL,
    pdf                BYTEA         NOT NULL,
    sha256             CHAR(64)      NOT NULL,
    UNIQUE (ubigeo, document_type, year, sequence)
);
