/**
 * The registry's records: persons, households, their links to cases and what they
 * received.
 */
@NullMarked
package id.ugdkemiskinan.residents.registry;

import org.jspecify.annotations.NullMarked;
