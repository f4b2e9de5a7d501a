/**
 * The Bupati's SLA dashboard: figures, trend, roll-ups, CSV and workbook export.
 * <p>
 * It reads cases' tables ({@code case_file}, {@code assignment}, {@code case_event},
 * {@code assignment_hold}) directly in SQL, read-only, and keeps its own roll-up tables:
 * the dashboard aggregates up to a million cases per request, which no event-fed copy or
 * call into cases could answer within its p95. It depends on no Java type of cases.
 */
@ApplicationModule(allowedDependencies = { "common", "region", "agency", "users" })
@NullMarked
package id.ugdkemiskinan.dashboard;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
