-- Fees (derechos de trámite): the order a fee-bearing filing gets, the payment that settles it (at the cashier or in a
-- bank's collection file), the files imported with each line's outcome, and the audit of every record.

-- One order per case; its code (UBIGEO + year + the case's number + a check digit) is what the citizen takes to the
-- cashier or the bank. pay_by: the last day the payment counts (TUO Ley 27444 art. 136: 2 business days to complete).
-- Paid is its row in payment; voided_at: the filing was treated as not submitted, unpaid.
CREATE TABLE payment_order (
    id             BIGSERIAL      PRIMARY KEY,
    code           CHAR(15)       NOT NULL UNIQUE,
    ubigeo         CHAR(6)        NOT NULL,
    expediente_id  BIGINT         NOT NULL UNIQUE,
    case_number    VARCHAR(20)    NOT NULL,
    procedure_key  VARCHAR(60)    NOT NULL,
    applicant_name VARCHAR(200)   NOT NULL,
    document_number VARCHAR(20),
    amount         NUMERIC(10,2)  NOT NULL CHECK (amount > 0),
    issued_at      TIMESTAMPTZ    NOT NULL,
    pay_by         DATE           NOT NULL,
    voided_at      TIMESTAMPTZ
);
CREATE INDEX payment_order_by_document ON payment_order (ubigeo, document_number);
CREATE INDEX payment_order_by_month ON payment_order (ubigeo, issued_at);

-- A bank's collection file, once per municipality and content: importing it again changes nothing.
CREATE TABLE bank_file (
    id           BIGSERIAL     PRIMARY KEY,
    ubigeo       CHAR(6)       NOT NULL,
    format_id    VARCHAR(40)   NOT NULL,
    file_name    VARCHAR(200)  NOT NULL,
    sha256       CHAR(64)      NOT NULL,
    imported_by  VARCHAR(64)   NOT NULL,
    imported_at  TIMESTAMPTZ   NOT NULL,
    UNIQUE (ubigeo, sha256)
);

-- At most one payment settles an order (UNIQUE order_id): a second one is refused, by the database too.
CREATE TABLE payment (
    id              BIGSERIAL     PRIMARY KEY,
    order_id        BIGINT        NOT NULL UNIQUE REFERENCES payment_order (id),
    ubigeo          CHAR(6)       NOT NULL,
    channel         VARCHAR(12)   NOT NULL CHECK (channel IN ('CAJA', 'BANCO')),
    receipt_number  VARCHAR(40)   NOT NULL,
    amount          NUMERIC(10,2) NOT NULL CHECK (amount > 0),
    paid_on         DATE          NOT NULL,
    bank_file_id    BIGINT        REFERENCES bank_file (id),
    recorded_by     VARCHAR(64)   NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL,
    UNIQUE (ubigeo, channel, receipt_number)
);
CREATE INDEX payment_by_day ON payment (ubigeo, paid_on);

CREATE TABLE bank_file_line (
    bank_file_id  BIGINT        NOT NULL REFERENCES bank_file (id),
    line_number   INTEGER       NOT NULL,
    raw           VARCHAR(400)  NOT NULL,
    outcome       VARCHAR(12)   NOT NULL CHECK (outcome IN ('CONCILIADA', 'SIN_ORDEN', 'DUPLICADA', 'ILEGIBLE')),
    reason        VARCHAR(60)   NOT NULL,
    order_code    VARCHAR(40),
    amount        NUMERIC(10,2),
    operation     VARCHAR(40),
    PRIMARY KEY (bank_file_id, line_number)
);

-- Who recorded, refused or imported what: every attempt, including the refused ones.
CREATE TABLE payment_audit (
    id          BIGSERIAL     PRIMARY KEY,
    ubigeo      CHAR(6)       NOT NULL,
    order_id    BIGINT,
    action      VARCHAR(20)   NOT NULL,
    detail      VARCHAR(400)  NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    at          TIMESTAMPTZ   NOT NULL
);
CREATE INDEX payment_audit_by_order ON payment_audit (order_id);
