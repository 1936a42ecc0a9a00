package org.reciprocity.ledger.context;

/** Every version of one context object the catalogue holds, the oldest first, whatever its marking. */
public record FindObjectVersions(String objectId) {
}
