-- A case can end approved by positive administrative silence (APROBADO_POR_SILENCIO, 21 characters).
ALTER TABLE expediente ALTER COLUMN status TYPE VARCHAR(30);
