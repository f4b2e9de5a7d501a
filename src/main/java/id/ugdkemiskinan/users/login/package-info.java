/**
 * Login: the form, the throttle on failed attempts, the authentication provider, the
 * password change and where each role lands.
 */
@NullMarked
package id.ugdkemiskinan.users.login;

import org.jspecify.annotations.NullMarked;
