package org.reciprocity.core.kernel;

import org.reciprocity.core.policy.Credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The members' shares of a pool's account: each member's part of what the account's contributions earned, and that
 * part of the balance. A share is rounded to a ten-thousandth; a member who earned nothing has none, however much
 * it drew.
 */
public final class MemberPoolShares {

    private static final int SHARE_SCALE = 4;

    private MemberPoolShares() {
    }

    /** What one participant put into an account and drew from it. */
    public record Contribution(String participantId, Credit earned, Credit spent) {
    }

    public static List<MemberShare> of(List<Contribution> members, Credit balance) {
        Credit total = members.stream().map(Contribution::earned).reduce(Credit.ZERO, Credit::plus);
        return members.stream().map(member -> {
            BigDecimal share = total.isPositive()
                    ? member.earned().amount().divide(total.amount(), SHARE_SCALE, RoundingMode.HALF_EVEN)
                    .stripTrailingZeros()
                    : BigDecimal.ZERO;
            return new MemberShare(member.participantId(), member.earned(), member.spent(), share,
                    balance.times(share));
        }).toList();
    }
}
