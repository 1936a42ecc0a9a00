package org.reciprocity.core.policy;

import org.reciprocity.core.Refusal;

/** A policy change the policy's own rules do not allow; nothing changed. */
public class PolicyChangeRefusedException extends Refusal {

    public PolicyChangeRefusedException(String message) {
        super(message);
    }

    @Override
    public Reason reason() {
        return Reason.POLICY_CHANGE_REFUSED;
    }
}
