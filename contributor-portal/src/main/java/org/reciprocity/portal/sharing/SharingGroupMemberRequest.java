package org.reciprocity.portal.sharing;

import io.swagger.v3.oas.annotations.media.Schema;

/** A participant to name a member of a sharing group. */
record SharingGroupMemberRequest(@Schema(example = "cert-sg") String participantId) {
}
