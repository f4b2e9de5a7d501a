/**
 * The cases module's entities and repositories: the case, its assignments, attachments
 * and timeline events, and their states. Internal to the module.
 */
@NullMarked
package id.ugdkemiskinan.cases.domain;

import org.jspecify.annotations.NullMarked;
