-- The advisors' costing (D.S. 064-2010-PCM, activity-based): each municipality's positions (cargos) with what they
-- cost a month, and one costing per procedure and model version with its inputs as the advisor entered them
-- (activities and their minutes, materials, identifiable services, non-identifiable costs). The figures are computed
-- from the inputs each time, never stored, so a corrected input corrects every figure.
CREATE TABLE cost_position (
    ubigeo       CHAR(6)       NOT NULL REFERENCES municipality (ubigeo),
    name         VARCHAR(120)  NOT NULL,
    monthly_cost NUMERIC(12,2) NOT NULL CHECK (monthly_cost > 0),
    updated_by   VARCHAR(64)   NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (ubigeo, name)
);

CREATE TABLE costing (
    ubigeo        CHAR(6)     NOT NULL REFERENCES municipality (ubigeo),
    procedure_key VARCHAR(64) NOT NULL,
    version       INTEGER     NOT NULL CHECK (version > 0),
    inputs        JSONB       NOT NULL,
    updated_by    VARCHAR(64) NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ubigeo, procedure_key, version)
);
