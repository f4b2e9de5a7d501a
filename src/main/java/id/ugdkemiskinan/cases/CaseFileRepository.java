package id.ugdkemiskinan.cases;

import org.springframework.data.repository.ListCrudRepository;

interface CaseFileRepository extends ListCrudRepository<CaseFile, Long> {
}
