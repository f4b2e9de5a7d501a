/**
 * The case pages: the filing form, the lists and queues, the case page and the workflow
 * actions.
 */
@NullMarked
package id.ugdkemiskinan.cases.web;

import org.jspecify.annotations.NullMarked;
