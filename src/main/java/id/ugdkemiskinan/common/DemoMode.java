package id.ugdkemiskinan.common;

/**
 * Whether this instance runs as a demo: demo accounts, the "MODE DEMO" banner and (later)
 * demo cases.
 *
 * @param enabled demo accounts and banner
 * @param cases demo cases are seeded (only when {@code enabled})
 */
public record DemoMode(boolean enabled, boolean cases) {
}
