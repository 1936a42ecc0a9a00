package org.reciprocity.core.kernel;

import java.util.UUID;

/**
 * Which request a decision answers: its identifier (the same on every retry and every node), the account it is
 * decided on, who sent it under which key, and the fingerprint that tells a retry from another request.
 */
public record Request(UUID id, String accountId, String requesterId, String requestKey, String fingerprint) {
}
