package id.ugdkemiskinan.cases.domain;

import org.springframework.data.repository.ListCrudRepository;

public interface CaseEventRepository extends ListCrudRepository<CaseEvent, Long> {

}
