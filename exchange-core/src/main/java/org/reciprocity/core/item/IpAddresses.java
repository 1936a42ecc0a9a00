package org.reciprocity.core.item;

import org.reciprocity.core.InvalidInputException;

import com.google.common.net.InetAddresses;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Canonical text of IP addresses, parsed without ever asking a resolver. */
final class IpAddresses {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private IpAddresses() {
    }

    static String canonicalIpv4(String text) {
        Matcher quad = DOTTED_QUAD.matcher(text);
        if (!quad.matches()) {
            throw new InvalidInputException("value", "'" + text + "' is not an IPv4 address: write four decimal octets, "
                    + "as in 203.0.113.7");
        }
        StringBuilder canonical = new StringBuilder(15);
        for (int i = 1; i <= 4; i++) {
            String octet = quad.group(i);
            // Leading zeros are read as octal by some resolvers and as decimal by others: refuse the ambiguity.
            if (octet.length() > 1 && octet.charAt(0) == '0') {
                throw new InvalidInputException("value", "'" + text + "' is not an IPv4 address: octet '" + octet
                        + "' has a leading zero, which readers disagree on");
            }
            int value = Integer.parseInt(octet);
            if (value > 255) {
                throw new InvalidInputException("value", "'" + text + "' is not an IPv4 address: octet " + value
                        + " is above 255");
            }
            if (i > 1) {
                canonical.append('.');
            }
            canonical.append(value);
        }
        return canonical.toString();
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run of zero groups compressed. */
    static String canonicalIpv6(String text) {
        if (text.indexOf(':') < 0) {
            throw new InvalidInputException("value", "'" + text + "' is not an IPv6 address");
        }
        if (text.indexOf('%') >= 0) {
            throw new InvalidInputException("value", "'" + text + "' carries a zone index, which only means something "
                    + "on the host that wrote it: leave it out");
        }
        InetAddress address;
        try {
            address = InetAddresses.forString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("value", "'" + text + "' is not an IPv6 address");
        }
        if (address instanceof Inet4Address ipv4) {
            throw new InvalidInputException("value", "'" + text + "' is an IPv4-mapped address: contribute it as ipv4 "
                    + ipv4.getHostAddress());
        }
        if (!(address instanceof Inet6Address)) {
            throw new InvalidInputException("value", "'" + text + "' is not an IPv6 address");
        }
        return InetAddresses.toAddrString(address);
    }
}
