-- UIT by year: fees are also stated as a share of it (TUO Ley 27444 art. 43, 54).
CREATE TABLE uit (
    year         INTEGER        PRIMARY KEY,
    value_soles  NUMERIC(10,2)  NOT NULL CHECK (value_soles > 0),
    legal_basis  VARCHAR(160)   NOT NULL
);
INSERT INTO uit (year, value_soles, legal_basis) VALUES
    (2024, 5150.00, 'Valor 2024 según el MEF (recordado en la publicación del D.S. 301-2025-EF)'),
    (2025, 5350.00, 'Valor 2025 según el MEF (recordado en la publicación del D.S. 301-2025-EF)'),
    (2026, 5500.00, 'D.S. 301-2025-EF (El Peruano, 17-12-2025)');

-- Each municipality approves its own TUPA (TUO Ley 27444 art. 43): its term and fee replace the procedure.yml defaults.
CREATE TABLE tupa_entry (
    ubigeo              CHAR(6)        NOT NULL REFERENCES municipality (ubigeo),
    procedure_key       VARCHAR(60)    NOT NULL,
    term_business_days  INTEGER        NOT NULL CHECK (term_business_days BETWEEN 1 AND 30),
    fee_soles           NUMERIC(10,2)  NOT NULL CHECK (fee_soles >= 0),
    approved_by         VARCHAR(160)   NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,
    updated_by          VARCHAR(64)    NOT NULL,
    PRIMARY KEY (ubigeo, procedure_key)
);
