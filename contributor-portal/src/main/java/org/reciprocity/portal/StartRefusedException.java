package org.reciprocity.portal;

/**
 * A start the exchange refuses because of how it was set up: the operator is told, once and without a stack trace,
 * what is wrong and what to do (see {@link StartRefusalAnalyzer}).
 */
public class StartRefusedException extends RuntimeException {

    private final String action;

    public StartRefusedException(String reason, String action) {
        super(reason);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
