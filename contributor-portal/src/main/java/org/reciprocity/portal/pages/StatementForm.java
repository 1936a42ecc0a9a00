package org.reciprocity.portal.pages;

import org.reciprocity.ledger.account.LedgerEntry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement page's filter, as its form sends it: the kinds of line to show, a first and a last day, and where
 * the page starts.
 *
 * @param kind  the line kinds as the API names them ({@code CREDIT}, {@code DEBIT}, ...); none: every kind
 * @param from  the first day shown ({@code yyyy-mm-dd}, UTC)
 * @param to    the last day shown, included
 * @param after the position the page continues after
 */
public record StatementForm(List<String> kind, String from, String to, Long after) {

    /** Every kind of line a statement holds, as the API names them, with what a person calls them. */
    static final Map<String, String> KINDS = kinds();

    public boolean shows(String kind) {
        return this.kind != null && this.kind.contains(kind);
    }

    /** The statement API's query for this filter; a page of {@code limit} lines, or the API's own limit. */
    Map<String, Object> query(Integer limit) {
        Map<String, Object> query = new LinkedHashMap<>();
        if (kind != null && !kind.isEmpty()) {
            query.put("kind", String.join(",", kind));
        }
        query.put("from", Forms.dayStart(from));
        query.put("to", Forms.dayEnd(to));
        query.put("after", after);
        query.put("limit", limit);
        return query;
    }

    /** Each kind the ledger writes, by its name in the API, so that the filter can offer no other. */
    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        for (LedgerEntry.EntryType type : LedgerEntry.EntryType.values()) {
            kinds.put(type.name(), switch (type) {
                case CREDIT -> "Contributions";
                case BONUS -> "Bonuses";
                case GRANT -> "Grants";
                case DEBIT -> "Withdrawals";
                case EXPIRY -> "Expiry";
                case REFUSAL -> "Refused attempts";
                case CLAWBACK -> "Clawbacks";
                case REFUND -> "Refunds";
                case VESTING -> "Vestings";
            });
        }
        return kinds;
    }
}
