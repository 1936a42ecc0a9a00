package org.reciprocity.portal.idempotency;

import org.reciprocity.portal.problem.InvalidRequestException;

/** The client key of a request: the {@code Idempotency-Key} header, or a field of the body. */
public final class RequestKeyHeader {

    public static final String NAME = "Idempotency-Key";

    private RequestKeyHeader() {
    }

    /** The key from the header or the body, which must agree when both are given. */
    public static String resolve(String header, String field) {
        if (header != null && field != null && !header.equals(field)) {
            throw InvalidRequestException.of("requestKey", "the Idempotency-Key header and the requestKey field "
                    + "differ; send one, or the same in both");
        }
        return header != null ? header : field;
    }
}
