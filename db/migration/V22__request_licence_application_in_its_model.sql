-- The business licence's application is declared in its model like every other procedure's: what the citizen typed
-- is the case's form data, labelled (application_data, for people) and by field id (application_values, for code:
-- the certificate, the RUC search). Its own columns go; the licences filed before move into the form data, with the
-- labels its model gives those fields.
ALTER TABLE expediente ADD COLUMN application_values JSONB NOT NULL DEFAULT '{}';

UPDATE expediente SET
    application_values = jsonb_strip_nulls(jsonb_build_object('ruc', ruc, 'businessName', business_name,
        'tradeName', trade_name, 'address', address, 'activity', activity, 'areaM2', area_m2::text,
        'riskLevel', declared_risk)),
    application_data = (
        SELECT coalesce(jsonb_agg(item ORDER BY n), '[]')
        FROM (VALUES
            (1, jsonb_build_object('label', 'RUC', 'value', ruc)),
            (2, jsonb_build_object('label', 'Razón social o nombre del titular', 'value', business_name)),
            (3, CASE WHEN trade_name IS NOT NULL
                     THEN jsonb_build_object('label', 'Nombre comercial', 'value', trade_name) END),
            (4, jsonb_build_object('label', 'Dirección del establecimiento', 'value', address)),
            (5, jsonb_build_object('label', 'Giro o actividad', 'value', activity)),
            (6, jsonb_build_object('label', 'Área del establecimiento (m²)', 'value', area_m2::text)),
            (7, jsonb_build_object('label', 'Nivel de riesgo declarado (matriz ITSE)', 'value',
                CASE declared_risk WHEN 'BAJO' THEN 'Bajo' WHEN 'MEDIO' THEN 'Medio' WHEN 'ALTO' THEN 'Alto'
                                   WHEN 'MUY_ALTO' THEN 'Muy alto' END))
        ) AS items (n, item)
        WHERE item IS NOT NULL AND item ->> 'value' IS NOT NULL)
WHERE ruc IS NOT NULL;

DROP VIEW case_summary;
DROP INDEX expediente_ruc;
ALTER TABLE expediente
    DROP COLUMN ruc,
    DROP COLUMN business_name,
    DROP COLUMN trade_name,
    DROP COLUMN address,
    DROP COLUMN activity,
    DROP COLUMN area_m2,
    DROP COLUMN declared_risk;

-- as V18, the RUC and name the task list searches now read from the form data
CREATE VIEW case_summary AS
SELECT id, case_number, ubigeo, procedure_key, status, applicant_document_number, applicant_name,
       application_values ->> 'ruc' AS ruc, application_values ->> 'businessName' AS business_name,
       filed_at, due_date, resolved_at, process_instance_id
FROM expediente;
CREATE INDEX expediente_ruc ON expediente ((application_values ->> 'ruc'));
