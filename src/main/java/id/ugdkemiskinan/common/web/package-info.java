/**
 * How every request is answered when it goes wrong: the error pages and problem details
 * of the whole application, and the filters in front of Spring MVC (input sanity, upload
 * limits, the database being unreachable). The security wiring (config) reaches in for
 * the filters.
 */
@NamedInterface("web")
@NullMarked
package id.ugdkemiskinan.common.web;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.NamedInterface;
