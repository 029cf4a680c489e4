-- Indexes on Camunda's own tables for the clerk's task list (see pe.tramita.database.CamundaTableIndexes).
-- Camunda's schema updates leave extra indexes alone; IF NOT EXISTS makes this safe to run again on any database.

-- a municipality's open tasks by assignee and due date: "my tasks", overdue, due today/this week
CREATE INDEX IF NOT EXISTS tramita_task_tenant_assignee_due ON ${camunda}.act_ru_task (tenant_id_, assignee_, due_date_);
-- "tasks I delegated"
CREATE INDEX IF NOT EXISTS tramita_task_owner_tenant ON ${camunda}.act_ru_task (owner_, tenant_id_);
-- candidate offices of a task, read per task without visiting the table
CREATE INDEX IF NOT EXISTS tramita_identitylink_task_type_group ON ${camunda}.act_ru_identitylink (task_id_, type_, group_id_);
