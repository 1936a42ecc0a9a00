package org.reciprocity.bench;

import org.reciprocity.core.item.Item;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The indicators the benchmark feeds: item {@code n} is always the same, and no two are alike, so every run stores
 * the same amount and every item is new to the pool. The types rotate as a feed dump mixes them; the URLs and hashes
 * make the rows as long as real ones.
 */
final class BenchItems {

    private static final List<String> TYPES = List.of("ipv4", "domain", "url", "sha256", "email");

    private BenchItems() {
    }

    /** Items {@code from} (inclusive) to {@code to} (exclusive). */
    static List<Item> range(long from, long to) {
        return LongStream.range(from, to).mapToObj(BenchItems::item).toList();
    }

    static Item item(long n) {
        String type = TYPES.get((int) (n % TYPES.size()));
        String value = switch (type) {
            // 10.0.0.0 onwards, one address per item: distinct for billions of items.
            case "ipv4" -> (10 + (n >> 24)) + "." + ((n >> 16) & 255) + "." + ((n >> 8) & 255) + "." + (n & 255);
            case "domain" -> "h" + n + ".bench.example";
            case "url" -> "https://c2-" + n + ".bench.example/gate.php?id=" + n;
            case "sha256" -> sha256("sample-" + n);
            default -> "sender" + n + "@phish.bench.example";
        };
        return Item.normalised(type, value, 50 + (int) (n % 50), "GREEN", null, null, List.of("bench"));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
