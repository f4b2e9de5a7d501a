/**
 * The four-hour promise: due times and live SLA states ({@link SlaPolicy}), and the
 * sweeper that records every at-risk, breached and escalated assignment on a schedule.
 * The sweeper works on a {@link SweepTarget}, which the module holding the assignments
 * (cases) implements, so the sweeper depends on no other module. The policies by priority
 * (and category) and their calendars ({@link SlaDeadlines}, {@link WorkCalendar}) are
 * kept on the admin's page {@code /admin/sla} (which names categories through agency and
 * the admin through users).
 */
@ApplicationModule(allowedDependencies = { "common", "agency", "users" })
@NullMarked
package id.ugdkemiskinan.sla;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
