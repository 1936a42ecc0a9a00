package org.reciprocity.core.account;

import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.NameBasedUuid;
import org.reciprocity.core.event.RequestKind;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The client keys that make contributions and withdrawals idempotent, and the identifiers and fingerprints derived
 * from them. A key names one request of one account: sent again with the same content it gets the first answer, sent
 * with other content it is refused.
 */
public final class RequestKeys {

    public static final int MAX_LENGTH = 128;

    // Changing it would change the identifier of every request ever answered, and so the answer to its retries.
    private static final NameBasedUuid KEYS = NameBasedUuid.in(UUID.fromString(
            "0d5a4f0e-3f7c-5b7e-8c1d-5e2f9a6b7c31"));
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + MAX_LENGTH + "}");

    private RequestKeys() {
    }

    /** @throws InvalidInputException naming {@code requestKey} when the key is missing or malformed */
    public static String require(String requestKey) {
        if (requestKey == null || requestKey.isBlank()) {
            throw new InvalidInputException("requestKey", "a request key is required (the Idempotency-Key header or "
                    + "the 'requestKey' field), so that a retried request is not counted twice");
        }
        if (!KEY.matcher(requestKey).matches()) {
            throw new InvalidInputException("requestKey", "a request key is 1 to " + MAX_LENGTH + " visible ASCII "
                    + "characters without spaces, such as a UUID");
        }
        return requestKey;
    }

    /**
     * The identifier of the request a key names: the same on every retry and every node. Keys are the requester's
     * own: the members of a pool share an account, not their keys.
     */
    public static UUID requestId(String accountId, RequestKind kind, String requesterId, String requestKey) {
        return KEYS.of(accountId + "/" + kind.name() + "/" + requesterId + "/" + requestKey);
    }

    /** SHA-256 over a canonical text of the request, to tell a retry from a different request under the same key. */
    public static String fingerprint(CharSequence canonicalRequest) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonicalRequest.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
