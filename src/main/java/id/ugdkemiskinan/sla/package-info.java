/**
 * The four-hour promise: due times and live SLA states ({@link SlaPolicy}), and the
 * sweeper that records every at-risk, breached and escalated assignment on a schedule.
 * The sweeper works on a {@link SweepTarget}, which the module holding the assignments
 * (cases) implements, so sla depends on no other module.
 */
@ApplicationModule(allowedDependencies = { "common" })
@NullMarked
package id.ugdkemiskinan.sla;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
