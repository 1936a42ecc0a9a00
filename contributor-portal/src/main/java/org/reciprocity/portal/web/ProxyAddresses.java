package org.reciprocity.portal.web;

import org.reciprocity.portal.StartRefusedException;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The proxies an operator trusts, written as people write them (addresses and CIDR ranges, comma separated), turned
 * into the regular expression Tomcat's RemoteIpValve matches a connection's address against. Tomcat writes an IPv4
 * address as four decimals and an IPv6 address as eight hexadecimal groups without leading zeros, as Java does; the
 * expression matches exactly those forms.
 */
final class ProxyAddresses {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final String ANY_OCTET = "\\d{1,3}";
    private static final String ANY_GROUP = "[0-9a-f]{1,4}";

    private ProxyAddresses() {
    }

    /** The expression for a list, or an empty one (nothing trusted) for an empty list. */
    static String regex(String list) {
        List<String> alternatives = new ArrayList<>();
        for (String entry : list.split(",")) {
            if (!entry.isBlank()) {
                alternatives.add("(?:" + regexOf(entry.strip()) + ")");
            }
        }
        return String.join("|", alternatives);
    }

    private static String regexOf(String entry) {
        int slash = entry.indexOf('/');
        String address = slash < 0 ? entry : entry.substring(0, slash);
        if (IPV4.matcher(address).matches()) {
            return ipv4(entry, octets(entry, address), slash < 0 ? 32 : prefix(entry, slash, 32));
        }
        if (address.contains(":")) {
            return ipv6(entry, groups(entry, address), slash < 0 ? 128 : prefix(entry, slash, 128));
        }
        throw refused(entry, "is neither an IPv4 nor an IPv6 address (names are not resolved)");
    }

    private static String ipv4(String entry, int[] octets, int prefix) {
        long value = ((long) octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3];
        long hostBits = (1L << (32 - prefix)) - 1;
        if ((value & hostBits) != 0) {
            throw refused(entry, "has bits set beyond its prefix; write the range's first address");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int span = 1 << (8 - Math.max(0, Math.min(8, prefix - 8 * i)));
            parts.add(span == 256 ? ANY_OCTET : span == 1 ? Integer.toString(octets[i])
                    : IntStream.range(octets[i], octets[i] + span).mapToObj(Integer::toString)
                    .collect(Collectors.joining("|", "(?:", ")")));
        }
        return String.join("\\.", parts);
    }

    private static String ipv6(String entry, String[] groups, int prefix) {
        if (prefix % 16 != 0) {
            throw refused(entry, "is an IPv6 range whose prefix is not a multiple of 16");
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            boolean fixed = i < prefix / 16;
            if (!fixed && !groups[i].equals("0")) {
                throw refused(entry, "has bits set beyond its prefix; write the range's first address");
            }
            parts.add(fixed ? groups[i] : ANY_GROUP);
        }
        return String.join(":", parts);
    }

    private static int[] octets(String entry, String address) {
        int[] octets = new int[4];
        String[] parts = address.split("\\.");
        for (int i = 0; i < 4; i++) {
            octets[i] = Integer.parseInt(parts[i]);
            if (octets[i] > 255) {
                throw refused(entry, "is not an IPv4 address");
            }
        }
        return octets;
    }

    private static String[] groups(String entry, String address) {
        try {
            // A literal with a colon is parsed, never looked up.
            if (InetAddress.getByName(address) instanceof Inet6Address ipv6) {
                return ipv6.getHostAddress().split("%")[0].split(":");
            }
        } catch (UnknownHostException e) {
            // Answered below, as for any other entry that is not an address.
        }
        throw refused(entry, "is not an IPv6 address");
    }

    private static int prefix(String entry, int slash, int bits) {
        String digits = entry.substring(slash + 1);
        if (!digits.matches("\\d{1,3}") || Integer.parseInt(digits) > bits) {
            throw refused(entry, "has a prefix length that is not a number from 0 to " + bits);
        }
        return Integer.parseInt(digits);
    }

    private static StartRefusedException refused(String entry, String why) {
        return new StartRefusedException("EXCHANGE_TRUSTED_PROXIES lists '" + entry + "', which " + why + ".",
                "List the proxies' addresses or CIDR ranges, comma separated, e.g. "
                        + "EXCHANGE_TRUSTED_PROXIES=10.0.0.5,192.168.10.0/24,2001:db8::/32");
    }
}
