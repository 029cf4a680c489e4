-- Running cases moved from one version of a procedure to another (Camunda's migration batches; pe.tramita.modeling).
CREATE TABLE model_migration (
    batch_id              VARCHAR(64)   PRIMARY KEY,
    procedure_key         VARCHAR(80)   NOT NULL,
    source_definition_id  VARCHAR(64)   NOT NULL,
    target_definition_id  VARCHAR(64)   NOT NULL,
    cases                 INTEGER       NOT NULL CHECK (cases > 0),
    started_by            VARCHAR(255)  NOT NULL,
    started_at            TIMESTAMPTZ   NOT NULL
);
