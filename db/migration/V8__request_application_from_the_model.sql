-- Procedures other than the business licence declare their application form in the BPMN start event; what the
-- citizen filled in is kept as labelled lines. The licence-only columns become optional.
ALTER TABLE expediente
    ALTER COLUMN ruc DROP NOT NULL,
    ALTER COLUMN business_name DROP NOT NULL,
    ALTER COLUMN address DROP NOT NULL,
    ALTER COLUMN activity DROP NOT NULL,
    ALTER COLUMN area_m2 DROP NOT NULL,
    ALTER COLUMN declared_risk DROP NOT NULL,
    ADD COLUMN application_data JSONB NOT NULL DEFAULT '[]';
