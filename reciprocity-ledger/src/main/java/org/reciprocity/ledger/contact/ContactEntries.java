package org.reciprocity.ledger.contact;

import java.util.List;

public record ContactEntries(List<ContactEntry> entries) {

    public ContactEntries {
        entries = List.copyOf(entries);
    }
}
