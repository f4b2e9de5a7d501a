package id.ugdkemiskinan.region;

/** A kecamatan as other modules see it. */
public record KecamatanRef(String code, String name) {
}
