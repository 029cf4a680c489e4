-- A clerk's saved task list filters: a view of the task list with its search and sort, under a name they chose.
CREATE TABLE saved_filter (
    id             BIGSERIAL     PRIMARY KEY,
    user_id        VARCHAR(64)   NOT NULL,
    name           VARCHAR(60)   NOT NULL,
    task_view      VARCHAR(20)   NOT NULL,
    search         VARCHAR(100),
    procedure_key  VARCHAR(80),
    sort           VARCHAR(20)   NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    UNIQUE (user_id, name)
);

-- The task list joins tasks to their case by process instance and searches cases by DNI/CE/RUC and number.
CREATE INDEX expediente_process_instance ON expediente (process_instance_id);
CREATE INDEX expediente_applicant_document ON expediente (applicant_document_number);
CREATE INDEX expediente_ruc ON expediente (ruc);

-- What staff did on a case's tasks, by whom: the staff-only half of the case timeline (the engine's history has
-- the steps, but records no user while the app calls it without a Camunda authentication). Comments live here too.
CREATE TABLE staff_action (
    id             BIGSERIAL     PRIMARY KEY,
    expediente_id  BIGINT        NOT NULL REFERENCES expediente (id),
    ubigeo         CHAR(6)       NOT NULL REFERENCES municipality (ubigeo),
    occurred_at    TIMESTAMPTZ   NOT NULL,
    actor          VARCHAR(64)   NOT NULL,
    action         VARCHAR(20)   NOT NULL,
    task_id        VARCHAR(64),
    step           VARCHAR(255),
    detail         VARCHAR(2000)
);
CREATE INDEX staff_action_expediente ON staff_action (expediente_id, occurred_at);
