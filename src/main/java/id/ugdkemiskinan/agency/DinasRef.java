package id.ugdkemiskinan.agency;

/**
 * A dinas as other modules see it.
 *
 * @param secretariat the UGD secretariat (KESRA), which triages what no rule routes
 */
public record DinasRef(String code, String name, boolean secretariat, boolean active) {
}
