package org.reciprocity.portal.fuzz;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Headers and URLs the exchange must refuse: media types it cannot read or write, broken keys and credentials. */
final class Headers {

    private Headers() {
    }

    /**
     * Request keys outside 1 to 128 visible ASCII characters. Carriage return and line feed are left out: on the
     * wire they would end the header rather than be part of it.
     */
    static Arbitrary<String> requestKeys() {
        return Arbitraries.oneOf(
                Arbitraries.of("", " ", "key with spaces", "clé-é", "ключ", "\uD83D\uDD11-key", "ke\u00A0y",
                        "key\u00FF"),
                Arbitraries.strings().withChars("abc123-").ofMinLength(129).ofMaxLength(4_000),
                Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u0009'), Arbitraries.chars().range('\u000b', '\u000c'),
                                Arbitraries.chars().range('\u000e', '\u001f'), Arbitraries.just('\u007f'))
                        .map(control -> "key" + control + "1"));
    }

    /** Media types a JSON endpoint (or a STIX one) does not read, a wildcard among them, and none at all (null). */
    static Arbitrary<String> unsupportedContentTypes(String supported) {
        List<String> types = new ArrayList<>(List.of("*/*", "text/plain", "text/html", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream",
                "garbage", "application/", "/json", "application/*", "text/*", "", "application/json; charset=nonsense",
                "application/json; charset=utf-32"));
        if (!supported.equals(Family.JSON)) {
            types.add("application/stix+json;version=2.0");
        }
        return Arbitraries.of(types).injectNull(0.1);
    }

    /** Accept headers that exclude everything the endpoint writes; TAXII writes only TAXII 2.1. */
    static Arbitrary<String> unacceptable(boolean taxii) {
        List<String> types = new ArrayList<>(List.of("text/html", "application/xml", "text/plain", "image/png",
                "application/pdf", "text/*", "text/html, application/xhtml+xml, application/xml;q=0.9",
                "garbage", "application/", "json"));
        if (taxii) {
            types.addAll(List.of("application/json", "application/taxii+json;version=2.0",
                    "application/stix+json;version=2.1"));
        }
        return Arbitraries.oneOf(Arbitraries.of(types),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
    }

    /** Credentials that are no participant's, broken ones, and those of a participant who may not do this. */
    static Arbitrary<Credentials> wrongCredentials(String valid, List<String> forbidden) {
        String key = keyOf(valid);
        List<Credentials> wrong = new ArrayList<>(List.of(
                new Credentials(null, "no Authorization header", false),
                new Credentials("Bearer rx_not-a-key-the-exchange-issued", "a key the exchange did not issue", false),
                new Credentials("Bearer ", "Bearer without a key", false),
                new Credentials("Bearer " + key + "x", "the key with a character more", false),
                new Credentials("Bearer " + key.substring(0, key.length() - 1), "the key a character short", false),
                new Credentials("Basic !!not-base64!!", "Basic credentials that are not base64", false),
                new Credentials(basic("no-colon"), "Basic credentials without a password", false),
                new Credentials(basic("someone:" + key), "Basic credentials naming another participant", false),
                new Credentials("Token " + key, "an unknown scheme", false),
                new Credentials("Bearer rx_\u00e9\u00e8", "a key with non-ASCII characters", false)));
        forbidden.forEach(other -> wrong.add(new Credentials(other, "a participant whose kind may not do this", true)));
        return Arbitraries.of(wrong);
    }

    /**
     * Parameters no URL may carry as they are: characters that must be percent-encoded, and broken percent-encodings
     * of the page's limit.
     */
    static Arbitrary<Map.Entry<String, String>> rawParameters() {
        return Arbitraries.oneOf(
                Arbitraries.of("%zz", "%", "%1", "1%00", "1%ZZ").map(value -> Map.entry("limit", value)),
                Arbitraries.of("b c", "\"b\"", "<b>", "b|c", "{b}", "b\\c", "^", "`b`").map(value -> Map.entry("q", value)));
    }

    /** The API key in a valid Authorization header, Bearer or Basic. */
    private static String keyOf(String authorization) {
        if (authorization.startsWith("Bearer ")) {
            return authorization.substring("Bearer ".length());
        }
        String credentials = new String(Base64.getDecoder().decode(authorization.substring("Basic ".length())),
                StandardCharsets.UTF_8);
        return credentials.substring(credentials.indexOf(':') + 1);
    }

    static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    record Credentials(String value, String description, boolean forbidden) {
    }
}
