package id.ugdkemiskinan.cases;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

interface AssignmentRepository extends ListCrudRepository<Assignment, Long> {

	List<Assignment> findByCaseId(long caseId);

}
