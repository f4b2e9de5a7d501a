/**
 * The regions of the kabupaten served (kecamatan, desa/kelurahan) from the Kemendagri
 * list, and the kabupaten itself.
 */
@ApplicationModule(allowedDependencies = { "common" })
@NullMarked
package id.ugdkemiskinan.region;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
