-- A municipality's investment budget and its execution as the official accounts (SIAF) give them, accumulated at the
-- end of each month, imported by an administrator from a CSV file so the projects in Tramita can be read against them.
CREATE TABLE budget_execution (
    ubigeo      CHAR(6)       NOT NULL REFERENCES municipality (ubigeo),
    year        INTEGER       NOT NULL,
    month       INTEGER       NOT NULL CHECK (month BETWEEN 1 AND 12),
    budgeted    NUMERIC(16,2) NOT NULL CHECK (budgeted >= 0),
    certified   NUMERIC(16,2) NOT NULL CHECK (certified >= 0),
    committed   NUMERIC(16,2) NOT NULL CHECK (committed >= 0 AND committed <= certified),
    paid        NUMERIC(16,2) NOT NULL CHECK (paid >= 0 AND paid <= committed),
    imported_by VARCHAR(64)   NOT NULL,
    imported_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (ubigeo, year, month)
);
