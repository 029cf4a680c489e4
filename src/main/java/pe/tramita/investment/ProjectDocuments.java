package pe.tramita.investment;

import java.sql.Timestamp;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import pe.tramita.calendar.LegalClock;
import pe.tramita.document.DocumentView;
import pe.tramita.document.Documents;
import pe.tramita.request.ExpedienteView;
import pe.tramita.request.Expedientes;
import pe.tramita.security.StaffUser;

/**
 * The documents of a project's minor purchases (the conformity's photos, its act) and those the office chose to
 * publish: only a document of a case tied to that project can be published, and only a published one is served to
 * the public.
 */
@Service
public class ProjectDocuments {

	private final JdbcTemplate jdbc;

	private final Documents documents;

	private final Expedientes expedientes;

	private final LegalClock clock;

	ProjectDocuments(JdbcTemplate jdbc, Documents documents, Expedientes expedientes, LegalClock clock) {
		this.jdbc = jdbc;
		this.documents = documents;
		this.expedientes = expedientes;
		this.clock = clock;
	}

	/** A document of a tied case, and whether it is published. */
	public record CaseDocument(String caseNumber, DocumentView document, boolean published) {
	}

	/** Every document of the project's tied cases, by case. */
	@Transactional(readOnly = true)
	public List<CaseDocument> of(Project project) {
		Set<Long> published = published(project.id());
		Map<String, ExpedienteView> cases = tiedCases(project);
		return cases.values().stream().flatMap(c -> documents.listFor(c.id()).stream()
			.map(d -> new CaseDocument(c.caseNumber(), d, published.contains(d.id())))).toList();
	}

	/** The published ones, for the public page. */
	@Transactional(readOnly = true)
	public List<CaseDocument> publishedOf(Project project) {
		return of(project).stream().filter(CaseDocument::published).toList();
	}

	/** Publishes a document of one of the project's tied cases; false when it is not one. */
	@Transactional
	public boolean publish(Project project, long documentId, StaffUser by) {
		for (ExpedienteView tied : tiedCases(project).values()) {
			if (documents.listFor(tied.id()).stream().anyMatch(d -> d.id() == documentId)) {
				jdbc.update("""
						INSERT INTO tramita.project_publication (project_id, document_id, expediente_id, published_by,
						    published_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""", project.id(), documentId,
						tied.id(), by.id(), Timestamp.from(clock.instant()));
				return true;
			}
		}
		return false;
	}

	/** A published document's content; empty when it is not published for that project. */
	@Transactional(readOnly = true)
	public Optional<Documents.DocumentContent> content(Project project, long documentId) {
		return jdbc.queryForList("""
				SELECT expediente_id FROM tramita.project_publication WHERE project_id = ? AND document_id = ?""",
				Long.class, project.id(), documentId).stream().findFirst()
			.flatMap(expediente -> documents.load(documentId, expediente, project.ubigeo()));
	}

	private Set<Long> published(long projectId) {
		return new HashSet<>(jdbc.queryForList("SELECT document_id FROM tramita.project_publication WHERE project_id = ?",
				Long.class, projectId));
	}

	private Map<String, ExpedienteView> tiedCases(Project project) {
		Map<String, ExpedienteView> cases = new LinkedHashMap<>();
		project.procurements().stream().filter(p -> p.caseNumber() != null)
			.forEach(p -> expedientes.findByCaseNumber(p.caseNumber())
				.filter(c -> c.ubigeo().equals(project.ubigeo()))
				.ifPresent(c -> cases.put(c.caseNumber(), c)));
		return cases;
	}

}
