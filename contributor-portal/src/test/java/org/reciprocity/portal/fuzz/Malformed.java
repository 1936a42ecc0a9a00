package org.reciprocity.portal.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A request the exchange must refuse, exactly as it goes on the wire, with each thing wrong with it. Its text is
 * what jqwik reports for the smallest failing try: enough to send it again with curl.
 */
record Malformed(String family, String method, String target, List<Header> headers, byte[] body,
                 List<Defect> defects) {

    private static final int SHOWN_BODY_CHARACTERS = 600;
    // The request line is read into the headers' buffer (server.max-http-request-header-size).
    private static final int HEADER_LIMIT = 8 * 1024;

    record Header(String name, String value) {
    }

    /** The statuses that fit every defect of the request: any one of them may be the one the exchange sees first. */
    Set<Integer> fittingStatuses() {
        return defects.stream().flatMap(defect -> defect.statuses().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    boolean withWrongCredentials() {
        return defects.stream().anyMatch(Defect::inCredentials);
    }

    /** The fields a 400 must name: those of the defects, when every defect is in a field. */
    List<String> fieldsAtFault() {
        return defects.stream().allMatch(defect -> defect.field() != null)
                ? defects.stream().map(Defect::field).toList() : List.of();
    }

    boolean onTaxii() {
        return target.equals("/taxii2") || target.startsWith("/taxii2/");
    }

    /**
     * Whether the servlet container stops reading the request line before it has the path (a raw control character
     * or space in it, or more of it than the headers may take): the exchange, not knowing the path, answers a
     * problem even on TAXII (see docs/taxii.md).
     */
    boolean requestLineUnreadable() {
        return target.chars().anyMatch(c -> c <= 0x20 || c == 0x7f) || target.length() > HEADER_LIMIT;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("\n").append(family).append(": ").append(method).append(' ')
                .append(visible(target)).append('\n');
        headers.forEach(header -> text.append("  ").append(header.name()).append(": ")
                .append(visible(header.value())).append('\n'));
        if (body.length > 0) {
            String shown = visible(new String(body, StandardCharsets.UTF_8));
            text.append("  body (").append(body.length).append(" bytes): ")
                    .append(shown.length() > SHOWN_BODY_CHARACTERS
                            ? shown.substring(0, SHOWN_BODY_CHARACTERS) + "…" : shown).append('\n');
        }
        defects.forEach(defect -> text.append("  wrong: ").append(defect).append('\n'));
        return text.toString();
    }

    /** Control characters and everything outside printable ASCII as escapes, so the report shows what was sent. */
    static String visible(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c > 0x7e) {
                shown.append(c > 0xffff ? String.format("\\U%08X", c) : String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
