/**
 * The registry of residents and households ("siapa sudah menerima apa"): persons by NIK
 * (or without one, with the reason), households by KK (or by address), every case's
 * beneficiary linked to a person, the interventions each household received (a case's
 * resolution or a row of an imported programme list), the household's desil, the eligible
 * who were never helped, priority desa, and the access log of every record viewed or
 * exported.
 * <p>
 * It reads cases' tables ({@code case_file}, {@code assignment}) in SQL, read-only, and
 * listens to cases' events in their own transaction (a case filed is linked to its
 * person, a resolution is recorded as received, together with the case or not at all).
 */
@ApplicationModule(allowedDependencies = { "common", "region", "agency", "users", "cases", "sla" })
@NullMarked
package id.ugdkemiskinan.residents;

import org.jspecify.annotations.NullMarked;

import org.springframework.modulith.ApplicationModule;
