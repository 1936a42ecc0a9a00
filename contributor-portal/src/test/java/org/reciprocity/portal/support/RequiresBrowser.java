package org.reciprocity.portal.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A test that drives a real Chromium ({@link Browser}). Where Debian's {@code chromium} and {@code chromium-driver}
 * are not installed the test is skipped, saying why; CI installs them and sets {@value #REQUIRED}, so that there a
 * missing browser fails the build instead of passing it quietly.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresBrowser.Condition.class)
public @interface RequiresBrowser {

    /** The environment variable that makes the browser required. */
    String REQUIRED = "RECIPROCITY_REQUIRE_BROWSER";

    class Condition implements ExecutionCondition {

        private static final AtomicBoolean TOLD = new AtomicBoolean();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (Browser.installed() || Boolean.parseBoolean(System.getenv(REQUIRED))) {
                return ConditionEvaluationResult.enabled("a browser is installed or required");
            }
            String reason = "skipped: no Chromium at " + Browser.CHROMIUM + " with its driver at "
                    + Browser.CHROMEDRIVER + "; install Debian's chromium and chromium-driver packages to run the "
                    + "portal's browser tests (bash .ci/run does)";
            if (!TOLD.getAndSet(true)) {
                System.err.println("Note: the portal's browser tests are " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
