/**
 * Cases from filing to closing: intake, routing to dinas, the workflow of assignments,
 * the lists, queues and case pages, the API, and the SLA records (implementing sla's
 * {@link id.ugdkemiskinan.sla.SweepTarget}). Its base package holds its API: the events
 * it publishes.
 */
@ApplicationModule(allowedDependencies = { "common", "region", "agency", "users", "sla" })
@NullMarked
package id.ugdkemiskinan.cases;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
