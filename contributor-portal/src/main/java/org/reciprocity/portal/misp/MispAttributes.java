package org.reciprocity.portal.misp;

import org.reciprocity.core.item.ItemType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * MISP's attribute types as the pool's items, both ways: the type and category an item goes out under in the feed,
 * and the items a MISP attribute's value holds when an event comes in. MISP's composite types ({@code domain|ip},
 * {@code filename|md5}) hold two values, each read by its own part.
 */
final class MispAttributes {

    /** The type and category of an item's attribute in the feed. */
    record Typed(String type, String category) {
    }

    private static final Map<ItemType, Typed> OUT = Map.of(
            ItemType.IPV4, new Typed("ip-dst", "Network activity"),
            ItemType.IPV6, new Typed("ip-dst", "Network activity"),
            ItemType.DOMAIN, new Typed("domain", "Network activity"),
            ItemType.URL, new Typed("url", "Network activity"),
            ItemType.MD5, new Typed("md5", "Payload delivery"),
            ItemType.SHA1, new Typed("sha1", "Payload delivery"),
            ItemType.SHA256, new Typed("sha256", "Payload delivery"),
            ItemType.EMAIL, new Typed("email-src", "Payload delivery"));

    // Each part of an attribute type, in order, as an item type: "ip" an address of either family, null a part that
    // is no item (a filename, a port).
    private static final Map<String, List<String>> IN = Map.ofEntries(
            Map.entry("ip-src", List.of("ip")), Map.entry("ip-dst", List.of("ip")),
            Map.entry("ip-src|port", Arrays.asList("ip", null)),
            Map.entry("ip-dst|port", Arrays.asList("ip", null)),
            Map.entry("domain", List.of("domain")), Map.entry("hostname", List.of("domain")),
            Map.entry("domain|ip", List.of("domain", "ip")), Map.entry("hostname|port", Arrays.asList(
                    "domain", null)),
            Map.entry("url", List.of("url")),
            Map.entry("md5", List.of("md5")), Map.entry("sha1", List.of("sha1")), Map.entry("sha256", List.of("sha256")),
            Map.entry("filename|md5", Arrays.asList(null, "md5")),
            Map.entry("filename|sha1", Arrays.asList(null, "sha1")),
            Map.entry("filename|sha256", Arrays.asList(null, "sha256")),
            Map.entry("email", List.of("email")), Map.entry("email-src", List.of("email")),
            Map.entry("email-dst", List.of("email")), Map.entry("email-reply-to", List.of("email")));

    private MispAttributes() {
    }

    static Typed of(ItemType type) {
        return OUT.get(type);
    }

    /** Each part of an attribute's type and value that names an item: its item type, and its value. */
    static List<Part> items(String type, String value) {
        List<String> parts = IN.get(type);
        if (parts == null) {
            return List.of();
        }
        String[] values = parts.size() == 1 ? new String[]{value} : value.split("\\|", parts.size());
        if (values.length != parts.size()) {
            return List.of();
        }
        List<Part> items = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            String itemType = parts.get(i);
            if (itemType != null) {
                items.add(new Part(itemType.equals("ip") ? (values[i].contains(":") ? "ipv6" : "ipv4") : itemType,
                        values[i]));
            }
        }
        return items;
    }

    /** One value of an attribute that is an item, with the item type it is read as. */
    record Part(String itemType, String value) {
    }
}
