-- Where and when the municipality attends the public, as its management publishes it on the catalogue: the citizen
-- who cannot finish online (a signature in person, the ITSE visit) needs the address, the hours and a contact.
ALTER TABLE municipality ADD COLUMN service_address    VARCHAR(200);
ALTER TABLE municipality ADD COLUMN service_hours      VARCHAR(300);
ALTER TABLE municipality ADD COLUMN service_phone      VARCHAR(40);
ALTER TABLE municipality ADD COLUMN service_email      VARCHAR(160);
ALTER TABLE municipality ADD COLUMN service_updated_at TIMESTAMPTZ;
ALTER TABLE municipality ADD COLUMN service_updated_by VARCHAR(64);
