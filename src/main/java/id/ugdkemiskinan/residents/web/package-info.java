/**
 * The registry's pages: a person, a household, the search, the way from a case to its
 * person, and the confirmation that a person without NIK is the same as another.
 */
@NullMarked
package id.ugdkemiskinan.residents.web;

import org.jspecify.annotations.NullMarked;
