package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The account a firm's or agency's pages act on, as {@code GET /api/me} says: its own, or its pool's while it is a
 * member of one.
 *
 * @param id   the account
 * @param pool the pool it draws on, if any
 */
record MemberAccount(String id, String pool, JsonNode participant) {

    static MemberAccount of(JsonNode me) {
        return new MemberAccount(me.path("account").asText(), me.path("pool").isTextual() ? me.path("pool").asText()
                : null, me.path("participant"));
    }

    String path() {
        return PortalApi.path("/api/accounts/{id}", id);
    }
}
