package org.reciprocity.core.kernel;

import java.util.Set;

/**
 * What the pool knew of the reports of an item as a false positive when one more was weighed: the accounts whose
 * reports were weighed before, and whether the item has left the pool already.
 */
public record FalseReports(Set<String> weighedAccounts, boolean revoked) {

    /** An item no report was weighed for. */
    public static final FalseReports NONE = new FalseReports(Set.of(), false);

    public FalseReports {
        weighedAccounts = Set.copyOf(weighedAccounts);
    }
}
