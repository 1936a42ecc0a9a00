package org.reciprocity.ledger.contact;

import org.reciprocity.core.sharing.Recipient;

/**
 * Who reads the directory: the recipient the audiences see now (its country and sharing groups), and whether it sees
 * every entry, as operators and auditors do.
 */
public record ContactReader(Recipient recipient, boolean seesAll) {
}
