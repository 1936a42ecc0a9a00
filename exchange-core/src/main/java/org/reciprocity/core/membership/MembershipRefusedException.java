package org.reciprocity.core.membership;

/** A change of membership that the pool's rules do not allow; nothing changed. */
public class MembershipRefusedException extends RuntimeException {

    public MembershipRefusedException(String message) {
        super(message);
    }
}
