package id.ugdkemiskinan.cases.domain;

import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.ListCrudRepository;

public interface CaseFileRepository extends ListCrudRepository<CaseFile, Long> {

	/**
	 * The case, locked for this transaction: every workflow action on a case runs one at
	 * a time, so the case status derived from its assignments is never computed from a
	 * half-seen state.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from CaseFile c where c.id = :id")
	Optional<CaseFile> lockById(long id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select c from CaseFile c where c.ticket = :ticket")
	Optional<CaseFile> lockByTicket(String ticket);

	Optional<CaseFile> findByTicket(String ticket);

}
