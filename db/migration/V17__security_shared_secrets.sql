-- Keys every node of one installation shares (e.g. the one that seals a filing's receipt in the citizen's browser),
-- made by the first node that needs them.
CREATE TABLE shared_secret (
    name       VARCHAR(60) PRIMARY KEY,
    secret     BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
