/**
 * The read side: case lists, the dinas queue and history, the case page's view, search,
 * and the user's scope applied in every statement.
 */
@NullMarked
package id.ugdkemiskinan.cases.query;

import org.jspecify.annotations.NullMarked;
