-- Offices are Camunda groups; which municipalities have each one is ours (no rows: every municipality). Kept apart
-- from Camunda's tenant memberships on purpose: a group in a tenant would open that tenant to all its members.
CREATE TABLE office_scope (
    office_id  VARCHAR(64)  NOT NULL,
    ubigeo     CHAR(6)      NOT NULL REFERENCES municipality (ubigeo),
    PRIMARY KEY (office_id, ubigeo)
);
