/**
 * The registry at intake: what the filing form shows once a NIK is typed (household,
 * cases, aid received, desil), and the "belum pernah dibantu" flag derived for cases.
 */
@NullMarked
package id.ugdkemiskinan.residents.intake;

import org.jspecify.annotations.NullMarked;
