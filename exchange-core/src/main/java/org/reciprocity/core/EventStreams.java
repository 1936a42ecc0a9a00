package org.reciprocity.core;

/**
 * The names of the event streams. Axon's event store knows a stream by its aggregate identifier alone, whatever the
 * aggregate's type, so a participant's registration and its account cannot both be called {@code bank-a}: each
 * stream carries its kind as a prefix. Participant ids never contain ':', so no prefixed name can collide with
 * another.
 */
public final class EventStreams {

    private static final String PARTICIPANT = "participant:";
    private static final String ACCOUNT = "account:";
    private static final String POLICY = "policy:exchange";
    private static final String SHARING_GROUP = "group:";

    private EventStreams() {
    }

    public static String participant(String participantId) {
        return PARTICIPANT + participantId;
    }

    public static String account(String accountId) {
        return ACCOUNT + accountId;
    }

    public static String sharingGroup(String groupId) {
        return SHARING_GROUP + groupId;
    }

    /** The one stream of the reciprocity policy's versions. */
    public static String policy() {
        return POLICY;
    }

    /** The participant (or pool) a stream belongs to: {@code bank-a} for {@code account:bank-a}. */
    public static String ownerOf(String aggregateId) {
        if (aggregateId == null) {
            return null;
        }
        int colon = aggregateId.indexOf(':');
        return colon < 0 ? aggregateId : aggregateId.substring(colon + 1);
    }
}
