-- What other modules may read of a case, in SQL: the task list's search, model migrations, analytics, the staff
-- audit. The request module owns the table and this view; the others read the view, never the table, so the table
-- can change without walking through their queries. A view over one table is inlined by the planner: no cost.
CREATE VIEW case_summary AS
SELECT id, case_number, ubigeo, procedure_key, status, applicant_document_number, applicant_name, ruc, business_name,
       filed_at, due_date, resolved_at, process_instance_id
FROM expediente;
