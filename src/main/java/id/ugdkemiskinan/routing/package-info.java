/**
 * The admin's routing rules page ({@code /admin/rute}): the rules from category to dinas,
 * kabupaten-wide or for one kecamatan, with a preview that asks the same
 * {@code Agencies.route} as filing. The rules themselves are the agency module's.
 */
@ApplicationModule(allowedDependencies = { "common", "region", "agency", "users" })
@NullMarked
package id.ugdkemiskinan.routing;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
