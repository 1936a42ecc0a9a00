package org.reciprocity.ledger.replay;

import org.reciprocity.core.account.AccountBook;
import org.reciprocity.core.account.CreditExpired;
import org.reciprocity.core.account.CreditGranted;
import org.reciprocity.core.account.CreditLot;
import org.reciprocity.core.account.LotDraw;
import org.reciprocity.core.contribution.ItemsContributed;
import org.reciprocity.core.feedback.BonusEarned;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.ItemCredit;
import org.reciprocity.core.policy.PolicyBook;
import org.reciprocity.core.policy.PolicyNotAdoptedException;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.withdrawal.Charge;
import org.reciprocity.core.withdrawal.ItemsWithdrawn;
import org.reciprocity.core.withdrawal.WithdrawalRefused;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Holds one recorded decision of an account to the rules, with the account's book as it stood before it and the
 * policy versions the history announced: the same rule code ({@code PolicyRules}, {@code AccountBook}) that took
 * the decision judges it again. Each check returns what it found wrong, in words an auditor can act on.
 */
final class DecisionChecks {

    private final List<String> problems = new ArrayList<>();
    private final AccountBook before;
    private final PolicyBook policies;

    private DecisionChecks(AccountBook before, PolicyBook policies) {
        this.before = before;
        this.policies = policies;
    }

    /**
     * @param before the account's book just before the event
     * @param at     when the event was stored
     */
    static List<String> check(Object event, AccountBook before, PolicyBook policies, Instant at) {
        DecisionChecks checks = new DecisionChecks(before, policies);
        if (event instanceof ItemsContributed contributed) {
            checks.contribution(contributed);
        } else if (event instanceof ItemsWithdrawn withdrawn) {
            checks.withdrawal(withdrawn);
        } else if (event instanceof WithdrawalRefused refused) {
            checks.refusal(refused);
        } else if (event instanceof CreditGranted granted) {
            checks.unexpired(granted.accountId(), granted.decidedAt());
            checks.balanceAfter(before.balance().plus(granted.amount()), granted.balanceAfter());
        } else if (event instanceof BonusEarned bonus) {
            checks.bonus(bonus);
        } else if (event instanceof CreditExpired expired) {
            checks.expiry(expired, at);
        }
        return checks.problems;
    }

    private void contribution(ItemsContributed contributed) {
        unexpired(contributed.accountId(), contributed.decidedAt());
        ReciprocityPolicy policy = policy(contributed.decidedAt(), contributed.policyVersion());
        if (policy == null) {
            return;
        }
        Credit earned = Credit.ZERO;
        for (ItemCredit credit : contributed.credits()) {
            ItemCredit expected = policy.rules().creditFor(credit.item(), credit.rule());
            if (!expected.equals(credit)) {
                problems.add(credit.item().type().label() + " " + credit.item().value() + " is recorded as earning "
                        + credit.credit() + " (weight " + credit.weight() + ") under " + credit.rule()
                        + "; version " + policy.version() + " gives " + expected.credit() + " (weight "
                        + expected.weight() + ")");
            }
            earned = earned.plus(credit.credit());
        }
        if (!earned.equals(contributed.credit())) {
            problems.add("the items earned " + earned + " in all; the contribution records " + contributed.credit());
        }
        CreditLot lot = earned.isPositive() ? new CreditLot(contributed.contributionId(),
                policy.rules().drawable(earned), policy.rules().expiryOf(contributed.decidedAt())) : null;
        lot(lot, contributed.lot());
        balanceAfter(before.balance().plus(lot == null ? Credit.ZERO : lot.amount()), contributed.balanceAfter());
    }

    private void withdrawal(ItemsWithdrawn withdrawn) {
        unexpired(withdrawn.accountId(), withdrawn.decidedAt());
        ReciprocityPolicy policy = policy(withdrawn.decidedAt(), withdrawn.policyVersion());
        if (policy != null) {
            long charged = withdrawn.items().stream().filter(item -> item.charge() == Charge.CHARGED).count();
            cost(policy.rules().costOf(Math.toIntExact(charged)), withdrawn.cost());
        }
        if (withdrawn.cost().exceeds(before.balance())) {
            problems.add("the balance at that moment, " + before.balance() + ", did not cover the cost of "
                    + withdrawn.cost() + ": the withdrawal should have been refused");
            return;
        }
        List<LotDraw> expected = before.draw(withdrawn.cost());
        if (!expected.equals(withdrawn.drawnFrom())) {
            problems.add("the cost was drawn from " + withdrawn.drawnFrom() + "; the account's credit, soonest to "
                    + "expire first, gives " + expected);
        }
        balanceAfter(before.balance().minus(withdrawn.cost()), withdrawn.balanceAfter());
    }

    private void refusal(WithdrawalRefused refused) {
        unexpired(refused.accountId(), refused.decidedAt());
        ReciprocityPolicy policy = policy(refused.decidedAt(), refused.policyVersion());
        if (policy != null) {
            cost(policy.rules().costOf(Math.toIntExact(refused.itemsCharged())), refused.cost());
        }
        if (!refused.cost().exceeds(before.balance())) {
            problems.add("refused although the balance, " + before.balance() + ", covered the cost of "
                    + refused.cost());
        }
        if (!refused.balance().equals(before.balance())) {
            problems.add("the refusal records a balance of " + refused.balance() + "; the account held "
                    + before.balance());
        }
    }

    private void bonus(BonusEarned bonus) {
        unexpired(bonus.accountId(), bonus.awardedAt());
        ReciprocityPolicy policy = policy(bonus.reportedAt(), bonus.policyVersion());
        if (policy == null) {
            return;
        }
        if (!bonus.credit().equals(policy.rules().actedOnBonus())) {
            problems.add("the bonus is recorded as " + bonus.credit() + "; version " + policy.version() + " gives "
                    + policy.rules().actedOnBonus());
        }
        CreditLot lot = policy.rules().actedOnBonus().isPositive() ? new CreditLot(bonus.bonusId(),
                policy.rules().actedOnBonus(), policy.rules().expiryOf(bonus.reportedAt())) : null;
        lot(lot, bonus.lot());
        balanceAfter(before.balance().plus(lot == null ? Credit.ZERO : lot.amount()), bonus.balanceAfter());
    }

    private void expiry(CreditExpired expired, Instant recordedAt) {
        boolean due = before.lots().stream().anyMatch(lot -> lot.lotId().equals(expired.lotId())
                && lot.remaining().equals(expired.amount()) && Objects.equals(lot.expiresAt(), expired.expiredAt()));
        if (!due) {
            problems.add("no lot " + expired.lotId() + " holding " + expired.amount() + " and expiring at "
                    + expired.expiredAt() + " was left to expire");
        }
        if (expired.expiredAt() != null && expired.expiredAt().isAfter(recordedAt)) {
            problems.add("lot " + expired.lotId() + " was recorded as expired at " + recordedAt + ", before its "
                    + "expiry at " + expired.expiredAt());
        }
    }

    /** Credit whose time had come must be recorded as expired before the account decides anything. */
    private void unexpired(String accountId, Instant decidedAt) {
        before.expiriesAt(accountId, decidedAt).forEach(expiry -> problems.add(expiry.amount() + " credits of lot "
                + expiry.lotId() + " had expired at " + expiry.expiredAt() + " and were not recorded as expired "
                + "before this decision"));
    }

    /** The version in force at the decision's instant, which the decision must have recorded. */
    private ReciprocityPolicy policy(Instant decidedAt, int recordedVersion) {
        try {
            ReciprocityPolicy inForce = policies.inForceAt(decidedAt);
            if (inForce.version() != recordedVersion) {
                problems.add("decided at " + decidedAt + " under version " + recordedVersion + "; version "
                        + inForce.version() + " was in force then");
            }
            return inForce;
        } catch (PolicyNotAdoptedException e) {
            problems.add("decided at " + decidedAt + ", when the history had announced no policy");
            return null;
        }
    }

    private void cost(Credit expected, Credit recorded) {
        if (!expected.equals(recorded)) {
            problems.add("the cost is recorded as " + recorded + "; the policy gives " + expected);
        }
    }

    private void lot(CreditLot expected, CreditLot recorded) {
        if (!Objects.equals(expected, recorded)) {
            problems.add("the credit added is recorded as " + recorded + "; the policy gives " + expected);
        }
    }

    private void balanceAfter(Credit expected, Credit recorded) {
        if (!expected.equals(recorded)) {
            problems.add("the balance after is recorded as " + recorded + "; the history gives " + expected);
        }
    }
}
