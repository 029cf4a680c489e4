-- National holidays (D.Leg. 713 art. 6 as amended), from shared/data/peru-national-holidays.csv.
-- rule: MM-DD for a fixed date, EASTER+n / EASTER-n for a day relative to Easter Sunday.
-- Extra public-sector non-working days and regional holidays go to non_working_day, edited by the administrator.
CREATE TABLE national_holiday (
    rule            VARCHAR(10)  PRIMARY KEY CHECK (rule ~ '^([0-9]{2}-[0-9]{2}|EASTER[+-][0-9]+)$'),
    name            VARCHAR(120) NOT NULL,
    observed_since  INTEGER,
    legal_basis     VARCHAR(120) NOT NULL
);

CREATE TABLE non_working_day (
    day          DATE         NOT NULL,
    ubigeo       CHAR(6)      REFERENCES municipality (ubigeo),
    name         VARCHAR(120) NOT NULL,
    legal_basis  VARCHAR(120) NOT NULL
);
CREATE UNIQUE INDEX non_working_day_unique ON non_working_day (day, COALESCE(ubigeo, '000000'));

INSERT INTO national_holiday (rule, name, observed_since, legal_basis) VALUES
    ('01-01', 'Año Nuevo', NULL, 'D.Leg. 713 art. 6'),
    ('EASTER-3', 'Jueves Santo', NULL, 'D.Leg. 713 art. 6'),
    ('EASTER-2', 'Viernes Santo', NULL, 'D.Leg. 713 art. 6'),
    ('05-01', 'Día del Trabajo', NULL, 'D.Leg. 713 art. 6'),
    ('06-07', 'Batalla de Arica y Día de la Bandera', 2024, 'Ley 31788 (El Peruano 15-06-2023)'),
    ('06-29', 'San Pedro y San Pablo', NULL, 'D.Leg. 713 art. 6'),
    ('07-23', 'Día de la Fuerza Aérea del Perú', 2023, 'Ley 31822 (2023)'),
    ('07-28', 'Fiestas Patrias (Independencia)', NULL, 'D.Leg. 713 art. 6'),
    ('07-29', 'Fiestas Patrias (Gran Parada Militar)', NULL, 'D.Leg. 713 art. 6'),
    ('08-06', 'Batalla de Junín', 2022, 'Ley 31530 (julio 2022)'),
    ('08-30', 'Santa Rosa de Lima', NULL, 'D.Leg. 713 art. 6'),
    ('10-08', 'Combate de Angamos', NULL, 'D.Leg. 713 art. 6'),
    ('11-01', 'Todos los Santos', NULL, 'D.Leg. 713 art. 6'),
    ('12-08', 'Inmaculada Concepción', NULL, 'D.Leg. 713 art. 6'),
    ('12-09', 'Batalla de Ayacucho', 2022, 'Ley 31381'),
    ('12-25', 'Navidad del Señor', NULL, 'D.Leg. 713 art. 6');
