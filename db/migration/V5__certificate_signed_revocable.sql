-- Certificates of every document type print their own list of fields; they are signed by an officer of the
-- municipality, can be revoked with a reason and replaced by a corrected one with a new number.

ALTER TABLE certificate ADD COLUMN printed_fields JSONB;

UPDATE certificate SET printed_fields =
       jsonb_build_array(jsonb_build_object('label', 'certificate.pdf.ruc', 'value', ruc))
    || CASE WHEN trade_name IS NULL THEN '[]'::jsonb
            ELSE jsonb_build_array(jsonb_build_object('label', 'certificate.pdf.tradeName', 'value', trade_name)) END
    || jsonb_build_array(
           jsonb_build_object('label', 'certificate.pdf.address', 'value', address),
           jsonb_build_object('label', 'certificate.pdf.activity', 'value', activity),
           jsonb_build_object('label', 'certificate.pdf.area', 'value', area_m2::text || ' m²'),
           jsonb_build_object('label', 'certificate.pdf.risk', 'value',
               CASE risk_level WHEN 'BAJO' THEN 'Bajo' WHEN 'MEDIO' THEN 'Medio' WHEN 'ALTO' THEN 'Alto'
                               ELSE 'Muy alto' END),
           jsonb_build_object('label', 'certificate.pdf.validity', 'value', 'Indeterminada'));

ALTER TABLE certificate
    ALTER COLUMN printed_fields SET NOT NULL,
    DROP COLUMN ruc,
    DROP COLUMN trade_name,
    DROP COLUMN address,
    DROP COLUMN activity,
    DROP COLUMN area_m2,
    DROP COLUMN risk_level,
    DROP CONSTRAINT certificate_expediente_id_key,
    ADD COLUMN signer_name        VARCHAR(120),
    ADD COLUMN signer_title       VARCHAR(120),
    ADD COLUMN legend             VARCHAR(80),
    ADD COLUMN replaces_id        BIGINT REFERENCES certificate (id),
    ADD COLUMN revoked_at         TIMESTAMPTZ,
    ADD COLUMN revoked_by         VARCHAR(64),
    ADD COLUMN revocation_reason  VARCHAR(500),
    ADD CONSTRAINT certificate_status_check CHECK (status IN ('VIGENTE', 'REVOCADO')),
    ADD CONSTRAINT certificate_revocation_check
        CHECK ((status = 'REVOCADO') = (revoked_at IS NOT NULL AND revocation_reason IS NOT NULL));

-- a case holds at most one valid document of each type; revoked ones stay for the record
CREATE UNIQUE INDEX certificate_valid_per_case ON certificate (expediente_id, document_type) WHERE status = 'VIGENTE';
CREATE UNIQUE INDEX certificate_replaces ON certificate (replaces_id) WHERE replaces_id IS NOT NULL;
CREATE INDEX certificate_sha256 ON certificate (sha256);
CREATE INDEX certificate_by_municipality ON certificate (ubigeo, issued_at DESC);

-- who signs each municipality's documents, and its coat of arms (PNG or JPEG)
CREATE TABLE certificate_signatory (
    ubigeo             CHAR(6)      PRIMARY KEY REFERENCES municipality (ubigeo),
    officer_name       VARCHAR(120),
    officer_title      VARCHAR(120),
    coat_of_arms       BYTEA,
    updated_at         TIMESTAMPTZ  NOT NULL,
    updated_by         VARCHAR(64)  NOT NULL
);

-- the PDF apart, so that listing and verifying certificates does not read their files
CREATE TABLE certificate_file (
    certificate_id  BIGINT  PRIMARY KEY REFERENCES certificate (id),
    pdf             BYTEA   NOT NULL
);
INSERT INTO certificate_file (certificate_id, pdf) SELECT id, pdf FROM certificate;
ALTER TABLE certificate DROP COLUMN pdf;
