/**
 * WhatsApp as an intake channel: residents' messages (delivery's
 * {@link id.ugdkemiskinan.delivery.WhatsAppMessageReceived}) stored once per wamid into
 * conversations ({@code wa_conversation}, {@code wa_message}, owned here) in the inbox
 * "Pesan masuk" of the secretariat or of a kecamatan's UPT; photos fetched afterwards
 * through delivery's {@link id.ugdkemiskinan.delivery.WhatsAppMedia}; a conversation
 * becomes a case through cases' {@link id.ugdkemiskinan.cases.FilingSource} (implemented
 * here), is linked to a case ({@link id.ugdkemiskinan.cases.CaseLinks}), closed or
 * forwarded; replies go out through delivery's
 * {@link id.ugdkemiskinan.delivery.ResidentMessages}. Quick-reply answers to "sudah
 * tertangani?" are handed to cases' {@link id.ugdkemiskinan.cases.ResidentFeedback}.
 * <p>
 * Its lists read, besides its own tables, the names beside them: {@code kecamatan} (of
 * region), {@code case_file.ticket} (of cases), {@code app_user.full_name} (of users) and
 * {@code delivery.status} of a reply (of delivery), in SQL joins; it writes none of them.
 */
@ApplicationModule(allowedDependencies = { "common", "common :: web", "users", "region", "cases", "delivery" })
@NullMarked
package id.ugdkemiskinan.inbox;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
