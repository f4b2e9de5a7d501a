/**
 * The shared kernel: time (the injected Clock and the zone), demo mode, paging, formats,
 * text input, error answers (pages and problem JSON) and the filters every request
 * passes. Depends on no other module; every module may use it.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package id.ugdkemiskinan.common;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
