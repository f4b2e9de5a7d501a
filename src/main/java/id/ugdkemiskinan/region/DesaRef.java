package id.ugdkemiskinan.region;

/** A desa/kelurahan as other modules see it. */
public record DesaRef(String code, String name, DesaKind kind, String kecamatanCode) {
}
