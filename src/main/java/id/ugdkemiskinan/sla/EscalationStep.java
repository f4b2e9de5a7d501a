package id.ugdkemiskinan.sla;

import java.time.Duration;

/**
 * One active level of the escalation chain in force: {@code after} the due time, still
 * without response, the assignment escalates to this level's recipients; it is at risk of
 * doing so at {@code atRiskPercent} % of the level's window (from the previous active
 * level's instant, or the due time, to its own).
 */
public record EscalationStep(int level, String name, Duration after, int atRiskPercent) {

}
