package org.reciprocity.core.kernel;

import org.reciprocity.core.policy.Credit;

import java.math.BigDecimal;

/**
 * What one participant put into and drew from an account: for a pool, each member's prorated share.
 *
 * @param share      the member's part of what the account's contributions earned, 0 to 1
 * @param ofBalance  that share of the current balance
 */
public record MemberShare(String participantId, Credit earned, Credit spent, BigDecimal share, Credit ofBalance) {
}
