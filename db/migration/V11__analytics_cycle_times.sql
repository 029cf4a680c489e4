-- Cycle times, kept by Tramita from the engine's history when a case's process ends (pe.tramita.analytics): the
-- dashboards and the public transparency page read these, and they outlive the engine's history cleanup.

-- One row per finished case.
CREATE TABLE case_cycle (
    expediente_id        BIGINT        PRIMARY KEY REFERENCES expediente (id),
    process_instance_id  VARCHAR(64)   NOT NULL UNIQUE,
    ubigeo               CHAR(6)       NOT NULL REFERENCES municipality (ubigeo),
    province             VARCHAR(60)   NOT NULL,
    procedure_key        VARCHAR(80)   NOT NULL,
    version              INTEGER       NOT NULL,
    started_at           TIMESTAMPTZ   NOT NULL,
    ended_at             TIMESTAMPTZ   NOT NULL,
    calendar_days        NUMERIC(9,3)  NOT NULL,
    business_days        INTEGER       NOT NULL,
    due_date             DATE,
    on_time              BOOLEAN       NOT NULL,
    by_silence           BOOLEAN       NOT NULL,
    status               VARCHAR(30)   NOT NULL
);
CREATE INDEX case_cycle_province_ended ON case_cycle (province, ended_at);
CREATE INDEX case_cycle_ubigeo_ended ON case_cycle (ubigeo, ended_at);

-- One row per finished user task of a finished case: waiting (created → first claimed or assigned) and working
-- (claimed → completed) times, where the staff audit knows the claim.
CREATE TABLE step_cycle (
    id                   BIGSERIAL     PRIMARY KEY,
    expediente_id        BIGINT        NOT NULL REFERENCES case_cycle (expediente_id),
    ubigeo               CHAR(6)       NOT NULL,
    province             VARCHAR(60)   NOT NULL,
    procedure_key        VARCHAR(80)   NOT NULL,
    version              INTEGER       NOT NULL,
    activity_id          VARCHAR(255)  NOT NULL,
    activity_name        VARCHAR(255),
    started_at           TIMESTAMPTZ   NOT NULL,
    claimed_at           TIMESTAMPTZ,
    ended_at             TIMESTAMPTZ   NOT NULL,
    calendar_days        NUMERIC(9,3)  NOT NULL,
    business_days        INTEGER       NOT NULL,
    waiting_hours        NUMERIC(9,2),
    working_hours        NUMERIC(9,2)
);
CREATE INDEX step_cycle_province_ended ON step_cycle (province, ended_at);
CREATE INDEX step_cycle_expediente ON step_cycle (expediente_id);
