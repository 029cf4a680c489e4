package pe.tramita.office;

import java.util.List;
import java.util.Set;

/** An office: its id (the candidate group models name), name, municipalities (none: all) and members' user ids. */
public record OfficeView(String id, String name, Set<String> municipalities, List<String> members) {

	public boolean servesEveryMunicipality() {
		return municipalities.isEmpty();
	}

}
