/**
 * Lokus prioritas: the desa the admin marks, the flag their cases carry, and the needs
 * counted per marked desa (RTLH, clean water, sanitation, electricity, out-of-school
 * children, stunting risk, unemployment).
 */
@NullMarked
package id.ugdkemiskinan.residents.priority;

import org.jspecify.annotations.NullMarked;
