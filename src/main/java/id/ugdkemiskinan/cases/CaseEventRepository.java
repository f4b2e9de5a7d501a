package id.ugdkemiskinan.cases;

import org.springframework.data.repository.ListCrudRepository;

interface CaseEventRepository extends ListCrudRepository<CaseEvent, Long> {
}
