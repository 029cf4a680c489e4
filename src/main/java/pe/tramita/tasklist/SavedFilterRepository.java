package pe.tramita.tasklist;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SavedFilterRepository extends JpaRepository<SavedFilter, Long> {

	Optional<SavedFilter> findByIdAndUserId(long id, String userId);

	boolean existsByUserIdAndName(String userId, String name);

	long countByUserId(String userId);

}
