/**
 * Accounts, roles and their scope (a kecamatan, a dinas), login with its throttle,
 * password rules and the administration of accounts. Other modules see the signed-in user
 * ({@link CurrentUser}) and {@link Role} only.
 */
@ApplicationModule(allowedDependencies = { "common", "region", "agency" })
@NullMarked
package id.ugdkemiskinan.users;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
