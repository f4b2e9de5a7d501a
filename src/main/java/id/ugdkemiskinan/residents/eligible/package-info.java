/**
 * "Layak belum dibantu": the registry's settings (desil and months), the list of eligible
 * households that were not helped, vulnerable first, by kecamatan and desa, and its BNBA
 * export for the desa.
 */
@NullMarked
package id.ugdkemiskinan.residents.eligible;

import org.jspecify.annotations.NullMarked;
