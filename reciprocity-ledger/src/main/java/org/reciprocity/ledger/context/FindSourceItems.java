package org.reciprocity.ledger.context;

import java.util.List;

/** Which of these objects items were read from, and which items: what a consumer pays for to receive them. */
public record FindSourceItems(List<String> objectIds) {
}
