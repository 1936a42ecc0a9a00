package org.reciprocity.core.participant;

import org.reciprocity.core.InvalidInputException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * API keys: 256 random bits, shown once to whoever receives them and kept only as a SHA-256 hash. A hash without salt
 * or stretching is enough here because the keys are random, not chosen by people: there is no dictionary to try.
 */
public final class ApiKeys {

    /** Recognisable by secret scanners and by people reading a leaked log. */
    public static final String PREFIX = "rx_";
    public static final int MIN_LENGTH = 32;
    /**
     * The key a participant is registered with, and the one the single-key endpoints reissue and revoke. It is the
     * participant's own since its registration, so it may be given back after a revocation; other names exist only
     * while their key does.
     */
    public static final String DEFAULT_NAME = "default";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private ApiKeys() {
    }

    public static String generate() {
        byte[] bits = new byte[32];
        RANDOM.nextBytes(bits);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** Whether a text can name a key at all: what no key can be named is never looked up. */
    public static boolean isName(String text) {
        return text != null && NAME.matcher(text).matches();
    }

    /** A key's name, one per system or person holding it, as {@code ci-bot} or {@code analyst.lee}. */
    public static String requireName(String name) {
        if (!isName(name)) {
            throw new InvalidInputException("name", "a key's name is 1 to 64 lower-case letters, digits, '.', '_' "
                    + "and '-', starting with a letter or digit, as in 'ci-bot'; got '" + name + "'");
        }
        return name;
    }

    public static String hash(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
