/**
 * The registry's read side: the person and household pages and the search, plain SQL with
 * {@link id.ugdkemiskinan.residents.registry.RegistryScope} in every statement that reads
 * personal data. Besides the registry's own tables it reads, read-only, the names of desa
 * and kecamatan (region), of interventions and providers (agency) and the tickets,
 * status, priority and categories of the cases linked to a person (cases); which of those
 * cases a user may open is asked of cases
 * ({@link id.ugdkemiskinan.cases.CaseVisibility}).
 */
@NullMarked
package id.ugdkemiskinan.residents.query;

import org.jspecify.annotations.NullMarked;
