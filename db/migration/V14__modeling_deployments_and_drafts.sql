-- Who deployed each version of a model and from where (the engine keeps neither); written by the engine's deployment
-- in its own transaction (pe.tramita.modeling.ModelRulesPlugin). deployed_by is NULL for Tramita's own start-up.
CREATE TABLE model_deployment (
    deployment_id  VARCHAR(64)   PRIMARY KEY,
    deployed_by    VARCHAR(255),
    deployed_at    TIMESTAMPTZ   NOT NULL,
    tenant_id      VARCHAR(64),
    source         VARCHAR(255)
);

-- An advisor's model in progress: edited in the browser or uploaded, validated on every save, deployed when ready.
CREATE TABLE model_draft (
    id             BIGSERIAL     PRIMARY KEY,
    procedure_key  VARCHAR(80)   NOT NULL,
    name           VARCHAR(120)  NOT NULL,
    xml            TEXT          NOT NULL,
    saved_by       VARCHAR(255)  NOT NULL,
    saved_at       TIMESTAMPTZ   NOT NULL,
    deployment_id  VARCHAR(64)
);
CREATE INDEX model_draft_procedure ON model_draft (procedure_key, saved_at DESC);
