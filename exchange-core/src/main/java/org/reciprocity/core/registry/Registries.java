package org.reciprocity.core.registry;

/**
 * The command side's registries: the tables an account decides with (what the shared pool holds, who contributed,
 * received and reported what, which requests each account answered, who belongs to which pool, the policy's
 * versions, who acts with which key). Each is written by the subscribing {@value #PROCESSING_GROUP} processor in the
 * transaction that appends the event it follows, so it is never behind the event store, and a failure to write it
 * (the unique key that refuses a second "first") fails the deciding command.
 */
public final class Registries {

    public static final String PROCESSING_GROUP = "registries";

    private Registries() {
    }
}
