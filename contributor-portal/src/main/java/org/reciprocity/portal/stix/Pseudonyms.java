package org.reciprocity.portal.stix;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonym that stands for a contributor in what consumers receive: a keyed hash of its id under the
 * exchange's own secret (drawn once, when the database was made, and shared by every node through it), so that the
 * same contributor always has the same pseudonym and no one without the secret can tell whose it is by hashing
 * participants' ids.
 */
@Component
class Pseudonyms {

    private final JdbcTemplate jdbc;
    private volatile Mac keyed;

    Pseudonyms(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    UUID of(String participantId) {
        byte[] hash;
        synchronized (this) {
            hash = mac().doFinal(participantId.getBytes(StandardCharsets.UTF_8));
        }
        return UUID.nameUUIDFromBytes(hash);
    }

    private Mac mac() {
        if (keyed == null) {
            String secret = jdbc.queryForObject("select secret_value from exchange_secret where secret_name = ?",
                    String.class, "pseudonyms");
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(HexFormat.of().parseHex(secret), "HmacSHA256"));
                keyed = mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("every Java runtime has HMAC-SHA256", e);
            }
        }
        return keyed;
    }
}
