package org.reciprocity.core.account;

import org.reciprocity.core.kernel.ContextFacts;

import java.util.Collection;

/**
 * What the command side knows about the context objects of the shared pool, as of the last committed decision: who
 * owns each id and which versions of it the pool holds, which decides what a contribution may add.
 */
public interface ContextRecords {

    /** What is known of the objects, their records held for the rest of the transaction where records are held. */
    ContextFacts objectFacts(Collection<String> objectIds);

    /**
     * The same, the records left free: for a preview, which decides nothing and must keep no contribution waiting.
     * Records that hold nothing need not tell the two apart.
     */
    default ContextFacts peekObjectFacts(Collection<String> objectIds) {
        return objectFacts(objectIds);
    }
}
