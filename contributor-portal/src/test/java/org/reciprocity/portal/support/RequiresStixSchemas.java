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
 * A test that reads the official STIX 2.1 schemas or examples ({@link StixSchemas}). A clone of the repository alone
 * does not have them: there the test is skipped, saying why. CI sets {@value #REQUIRED} so that it always runs
 * them, and a missing folder fails the build instead of passing it quietly.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresStixSchemas.Condition.class)
public @interface RequiresStixSchemas {

    /** The environment variable that makes the schemas required. */
    String REQUIRED = "RECIPROCITY_REQUIRE_SHARED";

    class Condition implements ExecutionCondition {

        private static final AtomicBoolean TOLD = new AtomicBoolean();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (StixSchemas.available() || Boolean.parseBoolean(System.getenv(REQUIRED))) {
                return ConditionEvaluationResult.enabled("the STIX 2.1 schemas are required or present");
            }
            String reason = "skipped: the official STIX 2.1 schemas are not at "
                    + StixSchemas.location().toAbsolutePath().normalize() + "; this test reads them from "
                    + "../shared/stix2-json-schemas beside the repository (CI runs it there)";
            // Surefire's summary counts skipped tests without their reasons: say it once where a person reads.
            if (!TOLD.getAndSet(true)) {
                System.err.println("Note: tests that read the official STIX 2.1 schemas are " + reason);
            }
            return ConditionEvaluationResult.disabled(reason);
        }
    }
}
