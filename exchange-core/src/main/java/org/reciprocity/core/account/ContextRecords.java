package org.reciprocity.core.account;

import org.reciprocity.core.kernel.ContextFacts;

import java.util.Collection;

/**
 * What the command side knows about the context objects of the shared pool, as of the last committed decision: who
 * owns each id and which versions of it the pool holds, which decides what a contribution may add.
 */
public interface ContextRecords {

    ContextFacts objectFacts(Collection<String> objectIds);
}
