package org.reciprocity.ledger.integrity;

/** The last event linked into the chain, and its link; position -1 and the genesis link before any. */
public record ChainHead(long position, String link) {
}
