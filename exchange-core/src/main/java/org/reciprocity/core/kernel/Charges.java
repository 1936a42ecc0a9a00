package org.reciprocity.core.kernel;

import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a withdrawal is charged, and which of the items offered to it a balance covers. */
public final class Charges {

    private Charges() {
    }

    /** Each delivery the consumer had neither received nor contributed costs the policy's price per item. */
    public static Credit costOf(long chargedItems, PolicyRules terms) {
        return terms.costPerItem().times(chargedItems);
    }

    public static Credit costOf(List<DeliveredItem> items, PolicyRules terms) {
        return costOf(charged(items), terms);
    }

    public static long charged(List<DeliveredItem> items) {
        return items.stream().filter(item -> item.charge() == Charge.CHARGED).count();
    }

    /** What each charged item of a withdrawal cost: the cost shared equally, to a thousandth. */
    public static Credit eachCharged(ItemsWithdrawn withdrawn) {
        long charged = withdrawn.charged();
        return charged == 0 ? Credit.ZERO : Credit.of(withdrawn.cost().amount().divide(BigDecimal.valueOf(charged), 3,
                RoundingMode.HALF_EVEN));
    }

    /** Whether a balance pays a cost. */
    public static boolean covers(Credit balance, Credit cost) {
        return !cost.exceeds(balance);
    }

    /** Why a recorded refusal was not the exchange's to make, by the rules the withdrawal decides with. */
    public enum WrongRefusal {
        /** The balance covered the whole cost. */
        COVERED,
        /** A lookup by id leaves out what the balance does not cover; it is never refused. */
        LOOKUP_REFUSED,
        /** A page delivers as far as the balance goes; the balance covered its first item. */
        FIRST_ITEM_COVERED
    }

    /**
     * Whether a withdrawal of this coverage, costing this, may be refused on this balance: only when the balance does
     * not cover the cost, and then never a lookup by id, nor a page whose first item the balance covers. The same
     * test {@link AccountDecisions} makes when it refuses, asked of a refusal already recorded.
     */
    public static Optional<WrongRefusal> wrongRefusal(Coverage coverage, Credit balance, Credit cost,
                                                      PolicyRules terms) {
        if (covers(balance, cost)) {
            return Optional.of(WrongRefusal.COVERED);
        }
        return switch (coverage) {
            case WHOLE -> Optional.empty();
            case NAMED -> Optional.of(WrongRefusal.LOOKUP_REFUSED);
            case LONGEST_RUN -> covers(balance, costOf(1, terms)) ? Optional.of(WrongRefusal.FIRST_ITEM_COVERED)
                    : Optional.empty();
        };
    }

    /**
     * The items to deliver, as the coverage asks: all of them for {@link Coverage#WHOLE} (the caller refuses them if
     * the balance does not cover them), the longest covered run, or the free ones and the charged ones covered.
     */
    public static List<DeliveredItem> covered(List<DeliveredItem> items, Coverage coverage, Credit balance,
                                              PolicyRules terms) {
        return switch (coverage) {
            case WHOLE -> items;
            case LONGEST_RUN -> longestRun(items, balance, terms);
            case NAMED -> freeAndCovered(items, balance, terms);
        };
    }

    // Refused when it covers nothing at all, as a page the consumer cannot begin is a refusal to record.
    private static List<DeliveredItem> longestRun(List<DeliveredItem> items, Credit balance, PolicyRules terms) {
        long charged = 0;
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).charge() == Charge.CHARGED) {
                if (!covers(balance, costOf(charged + 1, terms))) {
                    return i == 0 ? items : List.copyOf(items.subList(0, i));
                }
                charged++;
            }
        }
        return items;
    }

    private static List<DeliveredItem> freeAndCovered(List<DeliveredItem> items, Credit balance, PolicyRules terms) {
        List<DeliveredItem> delivered = new ArrayList<>(items.size());
        long charged = 0;
        for (DeliveredItem item : items) {
            if (item.charge() != Charge.CHARGED) {
                delivered.add(item);
            } else if (covers(balance, costOf(charged + 1, terms))) {
                delivered.add(item);
                charged++;
            }
        }
        return delivered;
    }
}
