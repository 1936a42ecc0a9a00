package org.reciprocity.core.sharing;

import java.time.Instant;

/** An operator named a participant a member of a sharing group. */
public record SharingGroupMemberAdded(String groupId, String participantId, String addedBy, Instant addedAt) {
}
