/**
 * The administrator's pages, the first administrator in production, and the demo
 * accounts.
 */
@NullMarked
package id.ugdkemiskinan.users.admin;

import org.jspecify.annotations.NullMarked;
