-- The cycle times again, one row per municipality, procedure version and month in which the cases ended, kept column by
-- column in arrays (element i of every array is the same case, or step): the dashboards read a year of a province as
-- ~150 rows instead of ~10,000 and compute exact percentiles from them (pe.tramita.analytics.CycleTimes). The recorder
-- appends to them in the transaction that writes case_cycle and step_cycle, which stay the per-case record.

CREATE TABLE case_cycle_month (
    ubigeo                CHAR(6)       NOT NULL REFERENCES municipality (ubigeo),
    province              VARCHAR(60)   NOT NULL,
    procedure_key         VARCHAR(80)   NOT NULL,
    version               INTEGER       NOT NULL,
    month                 DATE          NOT NULL CHECK (extract(day FROM month) = 1),
    end_days              SMALLINT[]    NOT NULL,  -- day of the month (Lima) the case ended
    calendar_thousandths  INTEGER[]     NOT NULL,  -- case_cycle.calendar_days × 1,000
    business_days         INTEGER[]     NOT NULL,
    on_time               BOOLEAN[]     NOT NULL,
    by_silence            BOOLEAN[]     NOT NULL,
    PRIMARY KEY (ubigeo, procedure_key, version, month)
);
CREATE INDEX case_cycle_month_province ON case_cycle_month (province, month);

CREATE TABLE step_cycle_month (
    ubigeo                CHAR(6)       NOT NULL REFERENCES municipality (ubigeo),
    province              VARCHAR(60)   NOT NULL,
    procedure_key         VARCHAR(80)   NOT NULL,
    version               INTEGER       NOT NULL,
    month                 DATE          NOT NULL CHECK (extract(day FROM month) = 1),  -- when the step's case ended
    activity_id           VARCHAR(255)  NOT NULL,
    activity_name         VARCHAR(255),
    first_started_at      TIMESTAMPTZ   NOT NULL,  -- orders the steps as they run
    case_end_days         SMALLINT[]    NOT NULL,
    calendar_thousandths  INTEGER[]     NOT NULL,
    business_days         INTEGER[]     NOT NULL,
    waiting_centihours    INTEGER[]     NOT NULL,  -- NULL elements where no claim was recorded
    working_centihours    INTEGER[]     NOT NULL,
    PRIMARY KEY (ubigeo, procedure_key, version, month, activity_id)
);
CREATE INDEX step_cycle_month_province ON step_cycle_month (province, month);

INSERT INTO case_cycle_month
SELECT ubigeo, province, procedure_key, version, date_trunc('month', ended_at AT TIME ZONE 'America/Lima')::date,
       array_agg(extract(day FROM ended_at AT TIME ZONE 'America/Lima')::smallint ORDER BY expediente_id),
       array_agg((calendar_days * 1000)::integer ORDER BY expediente_id),
       array_agg(business_days ORDER BY expediente_id),
       array_agg(on_time ORDER BY expediente_id),
       array_agg(by_silence ORDER BY expediente_id)
FROM case_cycle GROUP BY 1, 2, 3, 4, 5;

INSERT INTO step_cycle_month
SELECT s.ubigeo, s.province, s.procedure_key, s.version, date_trunc('month', c.ended_at AT TIME ZONE 'America/Lima')::date,
       s.activity_id, min(s.activity_name), min(s.started_at),
       array_agg(extract(day FROM c.ended_at AT TIME ZONE 'America/Lima')::smallint ORDER BY s.id),
       array_agg((s.calendar_days * 1000)::integer ORDER BY s.id),
       array_agg(s.business_days ORDER BY s.id),
       array_agg((s.waiting_hours * 100)::integer ORDER BY s.id),
       array_agg((s.working_hours * 100)::integer ORDER BY s.id)
FROM step_cycle s JOIN case_cycle c ON c.expediente_id = s.expediente_id
GROUP BY 1, 2, 3, 4, 5, 6;

-- The recorder finds the finished cases it has not recorded among the cases it has not recorded (open ones and just
-- finished ones), not by an anti-join over every finished case.
ALTER TABLE expediente ADD COLUMN cycle_recorded BOOLEAN NOT NULL DEFAULT false;
UPDATE expediente e SET cycle_recorded = true WHERE EXISTS (SELECT 1 FROM case_cycle c WHERE c.expediente_id = e.id);
CREATE INDEX expediente_cycle_unrecorded ON expediente (id) WHERE NOT cycle_recorded AND process_instance_id IS NOT NULL;

-- Open cases by age, per municipality.
CREATE INDEX expediente_open ON expediente (ubigeo, filed_at) INCLUDE (procedure_key)
    WHERE resolved_at IS NULL AND process_instance_id IS NOT NULL;

-- Cases filed per municipality and month, on the transparency page.
CREATE INDEX expediente_filed ON expediente (ubigeo, filed_at) INCLUDE (procedure_key);
