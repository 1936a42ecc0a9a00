package org.reciprocity.portal.pages;

import org.springframework.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The kinds of file a person can contribute from the portal, each sent to the API as the type it takes. */
public enum UploadFormat {

    STIX("STIX 2.1 bundle", MediaType.parseMediaType("application/stix+json;version=2.1")),
    JSON("The API's JSON items", MediaType.APPLICATION_JSON),
    CSV("CSV with a header row", MediaType.parseMediaType("text/csv")),
    LIST("A plain list, one value per line", MediaType.TEXT_PLAIN);

    final String label;
    final MediaType mediaType;

    UploadFormat(String label, MediaType mediaType) {
        this.label = label;
        this.mediaType = mediaType;
    }

    public String label() {
        return label;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format a person chose, or when they left it to the exchange, the one the content reads as: a JSON object
     * is a bundle when it says so, a first line with commas naming {@code value} is a CSV header, anything else a
     * list. The API still decides whether the content is valid in that format.
     */
    static UploadFormat of(String chosen, byte[] content) {
        if (chosen != null && !chosen.isBlank() && !chosen.equals("auto")) {
            return valueOf(chosen.toUpperCase(Locale.ROOT));
        }
        // The start is enough to tell, read leniently: the API checks the whole body's encoding.
        String start = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading();
        if (start.startsWith("{")) {
            return start.matches("(?s)\\{\\s*\"type\"\\s*:\\s*\"bundle\".*") || start.contains("\"spec_version\"")
                    ? STIX : JSON;
        }
        String firstLine = start.lines().findFirst().orElse("").toLowerCase(Locale.ROOT);
        return firstLine.contains(",") && firstLine.contains("value") ? CSV : LIST;
    }
}
