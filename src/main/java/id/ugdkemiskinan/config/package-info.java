/**
 * Wiring only: security, web, session and the embedded database. No module depends on it.
 */
@ApplicationModule(allowedDependencies = { "common", "common :: web", "region", "agency", "users", "sla", "cases",
		"notifications", "dashboard" })
@NullMarked
package id.ugdkemiskinan.config;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
