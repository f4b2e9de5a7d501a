package id.ugdkemiskinan.cases.intake;

/** An attachment whose content was checked: a real JPEG, PNG or PDF of at most 5 MB. */
public record ValidAttachment(String filename, String contentType, byte[] content) {
}
