package org.reciprocity.core.policy;

/**
 * The rules that turn contributions into credit and deliveries into debits. Plain arithmetic with no framework in it,
 * so that the live ledger and an auditor's replay call the very same code, and every credit and debit records the
 * version that computed it.
 *
 * @param version              recorded on every credit and debit made under this policy
 * @param creditPerNewItem     what an item earns when it enters the pool for the first time
 * @param costPerDeliveredItem what each item delivered by a withdrawal costs
 */
public record ReciprocityPolicy(int version, long creditPerNewItem, long costPerDeliveredItem) {

    /** The first policy: an item new to the pool earns one credit, an item delivered costs one. */
    public static final ReciprocityPolicy FIRST = new ReciprocityPolicy(1, 1, 1);

    public ReciprocityPolicy {
        if (version < 1 || creditPerNewItem < 0 || costPerDeliveredItem < 0) {
            throw new IllegalArgumentException("a policy has a positive version and no negative amounts");
        }
    }

    public long creditFor(int newItems) {
        return newItems * creditPerNewItem;
    }

    public long costOf(int deliveredItems) {
        return deliveredItems * costPerDeliveredItem;
    }
}
