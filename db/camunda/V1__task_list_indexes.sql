-- Indexes on Camunda's own tables for the clerk's task list (see pe.tramita.database.CamundaTableIndexes).
-- Camunda's schema updates leave extra indexes alone; IF NOT EXISTS makes this safe to run again on any database.

-- a municipality's tasks by assignee (or unassigned) in the list's default order: a page is read in index order
-- and stops after 25 rows instead of sorting the municipality's backlog
CREATE INDEX IF NOT EXISTS tramita_task_tenant_assignee_due
    ON ${camunda}.act_ru_task (tenant_id_, assignee_, due_date_, create_time_, id_);
-- the supervisors' view of all a municipality's tasks, in the same order
CREATE INDEX IF NOT EXISTS tramita_task_tenant_due ON ${camunda}.act_ru_task (tenant_id_, due_date_, create_time_, id_);
-- "tasks I delegated"
CREATE INDEX IF NOT EXISTS tramita_task_owner_tenant ON ${camunda}.act_ru_task (owner_, tenant_id_);
-- is this task offered to one of my offices? one probe per listed task, answered from the index
CREATE INDEX IF NOT EXISTS tramita_identitylink_task_type_group ON ${camunda}.act_ru_identitylink (task_id_, type_, group_id_);
-- all tasks offered to my offices in my municipalities, for the view counts
CREATE INDEX IF NOT EXISTS tramita_identitylink_tenant_group
    ON ${camunda}.act_ru_identitylink (tenant_id_, group_id_, type_, task_id_);
