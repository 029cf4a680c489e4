-- A case's latest certificate (the case file, the status page) is found by its case, not by reading them all.
CREATE INDEX certificate_by_case ON certificate (expediente_id, id DESC);
