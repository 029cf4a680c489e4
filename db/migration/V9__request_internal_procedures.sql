-- Internal procedures (a minor purchase) are started by a municipal office: no identity document or e-mail.
ALTER TABLE expediente
    ALTER COLUMN applicant_document_type DROP NOT NULL,
    ALTER COLUMN applicant_document_number DROP NOT NULL,
    ALTER COLUMN applicant_email DROP NOT NULL;
