package org.reciprocity.core.membership;

import org.reciprocity.core.Refusal;

/** A change of membership that the pool's rules do not allow; nothing changed. */
public class MembershipRefusedException extends Refusal {

    public MembershipRefusedException(String message) {
        super(message);
    }

    @Override
    public Reason reason() {
        return Reason.MEMBERSHIP_REFUSED;
    }
}
