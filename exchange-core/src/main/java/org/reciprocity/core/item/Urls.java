package org.reciprocity.core.item;

import org.reciprocity.core.InvalidInputException;

import com.google.common.net.InetAddresses;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;

/**
 * Canonical text of URLs: scheme and host in lower case, the scheme's default port left out, an empty path written
 * as {@code /}. Path, query and fragment are kept as written, since servers may tell them apart by case.
 */
final class Urls {

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("http", 80, "https", 443, "ftp", 21);

    private Urls() {
    }

    static String canonical(String text) {
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("value", "'" + text + "' is not a URL: " + e.getReason() + " at index "
                    + e.getIndex());
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getRawAuthority() == null) {
            throw new InvalidInputException("value", "'" + text + "' is not an absolute URL with a host, as in "
                    + "https://example.com/path");
        }
        if (uri.getHost() == null) {
            throw new InvalidInputException("value", "'" + text + "' has no host name a URL parser agrees on");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        StringBuilder canonical = new StringBuilder(text.length()).append(scheme).append("://");
        if (uri.getRawUserInfo() != null) {
            canonical.append(uri.getRawUserInfo()).append('@');
        }
        canonical.append(canonicalHost(uri.getHost()));
        if (uri.getPort() >= 0 && !Integer.valueOf(uri.getPort()).equals(DEFAULT_PORTS.get(scheme))) {
            canonical.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        canonical.append(path == null || path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            canonical.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            canonical.append('#').append(uri.getRawFragment());
        }
        return canonical.toString();
    }

    private static String canonicalHost(String host) {
        if (host.startsWith("[")) {
            return "[" + IpAddresses.canonicalIpv6(host.substring(1, host.length() - 1)) + "]";
        }
        if (InetAddresses.isInetAddress(host)) {
            return IpAddresses.canonicalIpv4(host);
        }
        return DomainNames.canonical(host);
    }
}
