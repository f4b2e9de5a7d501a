/**
 * "Riwayat perubahan" ({@code /admin/riwayat}): the admin's view of every change to the
 * kabupaten's rules, newest first. Reads the {@code change_audit} table that
 * {@code common.ChangeAudit} writes (read only; nobody here writes it).
 */
@ApplicationModule(allowedDependencies = { "common" })
@NullMarked
package id.ugdkemiskinan.audit;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
