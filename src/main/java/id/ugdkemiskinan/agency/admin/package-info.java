/**
 * The admin's pages for the reference data of the agency module: the dinas (and later the
 * categories, interventions and providers).
 */
@NullMarked
package id.ugdkemiskinan.agency.admin;

import org.jspecify.annotations.NullMarked;
