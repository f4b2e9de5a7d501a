/**
 * In-app notifications (the bell and {@code /notifikasi}), written from the events cases
 * publishes, in the publisher's transaction; nothing depends on this module.
 * <p>
 * Who hears of what is decided in one SQL statement per event that reads the accounts
 * ({@code app_user}, of users: role, scope, enabled) and the secretariat flag of the
 * dinas ({@code dinas}, of agency) and the recipients of the escalation levels
 * ({@code escalation_recipient}, of sla) beside the event's own data, so that a sweep
 * batch of 500 is one statement; it writes only {@code notification}, and the pages read
 * only that.
 */
@ApplicationModule(allowedDependencies = { "common", "users", "cases" })
@NullMarked
package id.ugdkemiskinan.notifications;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
