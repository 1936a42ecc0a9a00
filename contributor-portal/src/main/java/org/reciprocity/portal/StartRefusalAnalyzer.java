package org.reciprocity.portal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused start into Spring Boot's "APPLICATION FAILED TO START" report: the reason and the action, the
 * stack trace only at debug level, where it tells an operator nothing the reason does not.
 */
class StartRefusalAnalyzer extends AbstractFailureAnalyzer<StartRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartRefusedException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
