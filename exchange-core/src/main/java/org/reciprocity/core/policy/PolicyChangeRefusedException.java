package org.reciprocity.core.policy;

/** A policy change the policy's own rules do not allow; nothing changed. */
public class PolicyChangeRefusedException extends RuntimeException {

    public PolicyChangeRefusedException(String message) {
        super(message);
    }
}
