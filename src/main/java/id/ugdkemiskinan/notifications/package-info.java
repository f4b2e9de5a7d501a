/**
 * In-app notifications (the bell and {@code /notifikasi}), written from the events cases
 * publishes.
 */
@ApplicationModule(allowedDependencies = { "common", "users", "agency", "cases" })
@NullMarked
package id.ugdkemiskinan.notifications;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
