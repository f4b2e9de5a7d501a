/**
 * The resident's receipt (tanda terima: ticket, access code, the dinas and their due
 * times, the UPT's contact, the status page's address and its QR code) as a print page
 * and a PDF, only for the operators of the case's kecamatan, each showing an event of the
 * timeline; and the resident's consent to updates by WhatsApp/SMS (table
 * {@code resident_consent}): given at filing or later, withdrawn by staff.
 * <p>
 * Reads the UPT's contact (phone, email) from users' {@code app_user}, as the case page
 * reads the filer's name; reads the status page's address from
 * {@code ugd.delivery.base-url}, the app's public address.
 */
@NullMarked
package id.ugdkemiskinan.cases.receipt;

import org.jspecify.annotations.NullMarked;
