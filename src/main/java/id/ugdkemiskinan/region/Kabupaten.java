package id.ugdkemiskinan.region;

/** The kabupaten/kota this instance serves, e.g. {@code 35.10} "Kabupaten Banyuwangi". */
public record Kabupaten(String code, String name) {
}
