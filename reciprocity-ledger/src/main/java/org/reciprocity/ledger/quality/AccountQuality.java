package org.reciprocity.ledger.quality;

import org.reciprocity.core.kernel.QualityRecord;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One account's quality record as the ledger keeps it.
 *
 * @param junkShare the part of what it contributed that was judged false or retracted, to a thousandth
 * @param updatedAt when the last event that changed it happened
 */
public record AccountQuality(String accountId, QualityRecord record, BigDecimal junkShare, Instant updatedAt) {

    public AccountQuality(String accountId, QualityRecord record, Instant updatedAt) {
        this(accountId, record, record.junkShare(), updatedAt);
    }

    /** The record of an account that has contributed nothing yet, nor been reported for anything. */
    public static AccountQuality none(String accountId) {
        return new AccountQuality(accountId, QualityRecord.EMPTY, null);
    }
}
