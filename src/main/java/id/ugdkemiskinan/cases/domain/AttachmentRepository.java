package id.ugdkemiskinan.cases.domain;

import org.springframework.data.repository.ListCrudRepository;

public interface AttachmentRepository extends ListCrudRepository<Attachment, Long> {

}
