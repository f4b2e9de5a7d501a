package id.ugdkemiskinan.agency;

/**
 * An intervention a dinas can resolve an assignment with (PBI-JKN, PKH, bedah rumah,
 * ...).
 */
public record InterventionRef(String code, String name) {
}
