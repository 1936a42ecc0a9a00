package org.reciprocity.portal.fuzz;

import java.util.Set;

/**
 * One thing wrong with a request, and the answers that fit it: the statuses the exchange may refuse it with, and the
 * field the refusal must name when it is a bad field (null when the fault is not in one field).
 */
record Defect(String description, Set<Integer> statuses, String field) {

    static final int BAD_REQUEST = 400;
    /** TAXII's add objects answers each object in its status: one that is not valid STIX fails there, alone. */
    static final int FAILED_IN_STATUS = 202;

    /** A bad value, or a bad shape, of one field: a 400 naming it. */
    static Defect inField(String field, String description) {
        return inField(field, description, Set.of(BAD_REQUEST));
    }

    static Defect inField(String field, String description, Set<Integer> statuses) {
        return new Defect(description + " at " + field, statuses, field);
    }

    /** A body that cannot be read at all, or a request wrong as a whole: a 400. */
    static Defect unreadable(String description) {
        return new Defect(description, Set.of(BAD_REQUEST), null);
    }

    static Defect answeredWith(String description, Integer... statuses) {
        return new Defect(description, Set.of(statuses), null);
    }

    /** Whether the request was meant to fail authentication or authorisation. */
    boolean inCredentials() {
        return statuses.contains(401) || statuses.contains(403);
    }

    @Override
    public String toString() {
        return description + " (expects " + statuses + (field == null ? "" : " naming '" + field + "'") + ")";
    }
}
