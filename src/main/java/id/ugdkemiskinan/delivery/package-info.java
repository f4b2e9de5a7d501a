/**
 * Delivery beyond the app: email (SMTP), WhatsApp (the Business Cloud API) and an
 * outgoing webhook, through an outbox. Listeners of cases' events (through Spring
 * Modulith's publication registry, so that an event survives a crash after its commit)
 * write one {@code delivery} row per event, recipient and channel under a unique key;
 * senders drain the outbox outside any request, several instances at once, with retries
 * and back-off.
 * <p>
 * Who hears of what is decided in SQL over the accounts ({@code app_user}, of users:
 * role, scope, contacts) and the secretariat flag of the dinas ({@code dinas}, of
 * agency), as the in-app notifications do; the facts of a message (kecamatan, category,
 * due time) come from cases' {@link id.ugdkemiskinan.cases.CaseFacts}. The daily digest's
 * figures come from dashboard's {@code DailyDigests}.
 * <p>
 * Residents hear of their case only with their recorded consent, which cases' facts give
 * ({@code CaseFacts.residentContact}, {@code consentingPhones}): on WhatsApp when it is
 * active, else as an SMS request through the webhook; the sender checks the consent again
 * before each message goes out.
 */
@ApplicationModule(allowedDependencies = { "common", "common :: web", "users", "cases", "agency", "dashboard" })
@NullMarked
package id.ugdkemiskinan.delivery;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
