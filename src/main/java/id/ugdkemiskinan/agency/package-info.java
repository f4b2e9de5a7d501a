/**
 * The dinas that act on cases, the categories of complaint and the routing from category
 * to dinas.
 */
@ApplicationModule(allowedDependencies = { "common" })
@NullMarked
package id.ugdkemiskinan.agency;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
