package org.reciprocity.ledger.context;

import java.util.List;

/** The latest version of each of these context objects the catalogue holds, with its content. */
public record FindContextObjects(List<String> objectIds) {
}
