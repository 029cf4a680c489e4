-- A municipality's investment projects: from a prioritized participatory-budget proposal (its case) or registered
-- on their own, with budget, funding source, planned dates and the office responsible. Each procurement that spends
-- on a project is tied to it: a minor purchase run in Tramita (its case; its amounts and dates are read from the
-- engine's history, never copied) or a larger one run in the national procurement system (SEACE), recorded by
-- reference with its amount and dates.
CREATE TABLE investment_project (
    id                 BIGSERIAL     PRIMARY KEY,
    ubigeo             CHAR(6)       NOT NULL REFERENCES municipality (ubigeo),
    code               VARCHAR(20)   NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    funding_source     VARCHAR(30)   NOT NULL,
    budget             NUMERIC(14,2) NOT NULL CHECK (budget > 0),
    year               INTEGER       NOT NULL,
    planned_start      DATE          NOT NULL,
    planned_end        DATE          NOT NULL CHECK (planned_end >= planned_start),
    responsible_office VARCHAR(64)   NOT NULL,
    origin_case_number VARCHAR(20)   UNIQUE,
    priority_rank      INTEGER,
    created_by         VARCHAR(64)   NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    UNIQUE (ubigeo, code)
);

CREATE TABLE project_procurement (
    id                 BIGSERIAL     PRIMARY KEY,
    project_id         BIGINT        NOT NULL REFERENCES investment_project (id),
    case_number        VARCHAR(20)   UNIQUE,
    external_reference VARCHAR(60),
    description        VARCHAR(300),
    amount             NUMERIC(14,2) CHECK (amount > 0),
    certified_on       DATE,
    committed_on       DATE,
    conformity_on      DATE,
    paid_on            DATE,
    recorded_by        VARCHAR(64)   NOT NULL,
    recorded_at        TIMESTAMPTZ   NOT NULL,
    -- a case of Tramita, or a reference outside it with its own amount
    CHECK ((case_number IS NULL) <> (external_reference IS NULL)),
    CHECK (external_reference IS NULL OR amount IS NOT NULL)
);

CREATE INDEX project_procurement_project ON project_procurement (project_id);
