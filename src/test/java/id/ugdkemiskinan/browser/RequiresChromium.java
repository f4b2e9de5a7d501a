package id.ugdkemiskinan.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Browser tests need Debian's Chromium and its driver ({@link Chromium}). Without them
 * the tests are skipped, loudly: the reason, with the command that installs them, is
 * printed and reported by Surefire. On CI ({@code CI=true}) they are never skipped: a
 * missing browser fails the run.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Chromium.Condition.class)
public @interface RequiresChromium {

}
