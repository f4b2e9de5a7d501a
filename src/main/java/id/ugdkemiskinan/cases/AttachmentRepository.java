package id.ugdkemiskinan.cases;

import org.springframework.data.repository.ListCrudRepository;

interface AttachmentRepository extends ListCrudRepository<Attachment, Long> {
}
