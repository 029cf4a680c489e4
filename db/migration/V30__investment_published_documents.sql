-- Documents of a project's procurement cases (the conformity's photos, its act) that the responsible office chose to
-- publish on the project's public page; nothing of a case is public unless listed here.
CREATE TABLE project_publication (
    project_id    BIGINT      NOT NULL REFERENCES investment_project (id),
    document_id   BIGINT      NOT NULL,
    expediente_id BIGINT      NOT NULL,
    published_by  VARCHAR(64) NOT NULL,
    published_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (project_id, document_id)
);
