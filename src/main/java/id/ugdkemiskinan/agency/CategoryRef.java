package id.ugdkemiskinan.agency;

/** A case category as other modules see it. */
public record CategoryRef(String code, String name, String description) {
}
