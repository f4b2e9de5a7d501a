/**
 * Accounts: the entity, the password rule, user names, and the administration of accounts
 * (create, disable, reset) with its effect on open sessions.
 */
@NullMarked
package id.ugdkemiskinan.users.account;

import org.jspecify.annotations.NullMarked;
