-- A process instance belongs to one case: the beans find the case by its process instance, never by a variable.
DROP INDEX expediente_process_instance;
CREATE UNIQUE INDEX expediente_process_instance ON expediente (process_instance_id);
