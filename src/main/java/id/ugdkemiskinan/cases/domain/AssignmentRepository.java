package id.ugdkemiskinan.cases.domain;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

public interface AssignmentRepository extends ListCrudRepository<Assignment, Long> {

	List<Assignment> findByCaseId(long caseId);

}
