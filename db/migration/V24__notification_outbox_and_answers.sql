-- Telling the citizen: consent to e-mail notification, the language of the filing, answers for the citizen, the
-- outbox of messages and the local sink that stands in for an SMTP server in the demo.

-- TUO Ley 27444 art. 20.4: an e-mail notifies the act only if the citizen expressly authorised it.
ALTER TABLE expediente ADD COLUMN email_notification_accepted BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE expediente ADD COLUMN language VARCHAR(5) NOT NULL DEFAULT 'es';

-- A document the staff hand to the citizen (the information requested, an answer): shown on the status page.
ALTER TABLE document ADD COLUMN for_citizen BOOLEAN NOT NULL DEFAULT false;

-- Who signs what an office decides (the transparency officer a constancia of information delivered, say); the
-- municipality's signatory signs what no office has one for.
CREATE TABLE certificate_office_signatory (
    ubigeo         CHAR(6)      NOT NULL REFERENCES municipality (ubigeo),
    office         VARCHAR(60)  NOT NULL,
    officer_name   VARCHAR(120) NOT NULL,
    officer_title  VARCHAR(120) NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL,
    updated_by     VARCHAR(64)  NOT NULL,
    PRIMARY KEY (ubigeo, office)
);

-- The outbox: one row per message, written in the transaction of the change it tells of. The worker takes due rows
-- with FOR UPDATE SKIP LOCKED (one node per row), leases them while it talks to the server, and records the outcome.
CREATE TABLE notification (
    id               BIGSERIAL     PRIMARY KEY,
    expediente_id    BIGINT        NOT NULL REFERENCES expediente (id),
    ubigeo           CHAR(6)       NOT NULL REFERENCES municipality (ubigeo),
    case_number      VARCHAR(20)   NOT NULL,
    kind             VARCHAR(30)   NOT NULL,
    recipient        VARCHAR(160)  NOT NULL,
    language         VARCHAR(5)    NOT NULL,
    -- the citizen's express consent at filing: this message is the legal notification of the act
    legal_notice     BOOLEAN       NOT NULL,
    subject          VARCHAR(300)  NOT NULL,
    body_text        TEXT          NOT NULL,
    body_html        TEXT          NOT NULL,
    -- what is attached, resolved when sending: the filing receipt, an issued document, documents for the citizen
    attach_receipt   BOOLEAN       NOT NULL DEFAULT false,
    certificate_code VARCHAR(20),
    document_ids     BIGINT[]      NOT NULL DEFAULT '{}',
    -- an access code the message carries, sealed with the installation's key; erased once sent
    sealed_secret    BYTEA,
    status           VARCHAR(12)   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL,
    leased_until     TIMESTAMPTZ,
    -- the mail server's last answer: its acceptance, or why it refused or could not be reached
    server_reply     VARCHAR(1000),
    message_id       VARCHAR(200)  NOT NULL UNIQUE,
    created_at       TIMESTAMPTZ   NOT NULL,
    sent_at          TIMESTAMPTZ,
    -- the citizen's acknowledgment (link in the message, or reading the case after it was sent)
    receipt_token_hash CHAR(64)    NOT NULL UNIQUE,
    received_at      TIMESTAMPTZ,
    received_by      VARCHAR(20),
    CHECK (status IN ('PENDIENTE', 'ENVIANDO', 'ENVIADO', 'REINTENTANDO', 'FALLIDO'))
);
CREATE INDEX notification_due ON notification (next_attempt_at) WHERE status IN ('PENDIENTE', 'REINTENTANDO', 'ENVIANDO');
CREATE INDEX notification_expediente ON notification (expediente_id, id);

-- The demo's mail server: every message the worker would have handed to SMTP, as sent (MIME), for staff to read.
CREATE TABLE mail_sink (
    id             BIGSERIAL     PRIMARY KEY,
    ubigeo         CHAR(6)       NOT NULL REFERENCES municipality (ubigeo),
    recipient      VARCHAR(160)  NOT NULL,
    subject        VARCHAR(300)  NOT NULL,
    message_id     VARCHAR(200)  NOT NULL,
    mime           BYTEA         NOT NULL,
    received_at    TIMESTAMPTZ   NOT NULL
);
CREATE INDEX mail_sink_ubigeo ON mail_sink (ubigeo, id DESC);

-- A clerk who wants the morning e-mail of their tasks due today and overdue.
CREATE TABLE staff_daily_digest (
    user_id        VARCHAR(64)   PRIMARY KEY,
    subscribed_at  TIMESTAMPTZ   NOT NULL
);
