package org.reciprocity.core.sharing;

import java.time.Instant;

/**
 * An operator took a named member out of a sharing group. A participant the group's sectors and countries take in
 * stays a member by them.
 */
public record SharingGroupMemberRemoved(String groupId, String participantId, String removedBy, Instant removedAt) {
}
