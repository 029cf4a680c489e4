-- The cycle time recorder looks up when each task was first claimed or assigned.
CREATE INDEX staff_action_task ON staff_action (task_id);
