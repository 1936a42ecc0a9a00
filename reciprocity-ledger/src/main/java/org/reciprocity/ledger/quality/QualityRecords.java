package org.reciprocity.ledger.quality;

import java.util.List;

/** The answer to {@link FindQuality}. */
public record QualityRecords(List<AccountQuality> accounts) {

    public QualityRecords {
        accounts = List.copyOf(accounts);
    }
}
