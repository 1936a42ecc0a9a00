package org.reciprocity.portal.account;

import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.stix.StixBundle;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotAcceptableException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a statement, or a line's items, is answered in: JSON, or a file to download. A download is asked for by name,
 * with {@code ?format=} (which the Accept header does not override) or an Accept header naming its media type; a
 * wildcard (such as {@code text/*}) asks for JSON at most, so that no client is handed a file it did not ask for.
 */
enum StatementFormat {

    JSON("json", MediaType.APPLICATION_JSON),
    CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8")),
    STIX("stix", MediaType.parseMediaType(StixBundle.MEDIA_TYPE));

    private final String name;
    private final MediaType mediaType;

    StatementFormat(String name, MediaType mediaType) {
        this.name = name;
        this.mediaType = mediaType;
    }

    MediaType mediaType() {
        return mediaType;
    }

    /**
     * The format a request asks for among those offered.
     *
     * @param accept the request's Accept header, already checked readable; null when absent
     * @throws HttpMediaTypeNotAcceptableException when the Accept header allows none of them
     */
    static StatementFormat requested(String format, String accept, List<StatementFormat> offered)
            throws HttpMediaTypeNotAcceptableException {
        if (format != null) {
            return offered.stream().filter(candidate -> candidate.name.equals(format)).findFirst()
                    .orElseThrow(() -> InvalidRequestException.of("format", "format is "
                            + offered.stream().map(candidate -> candidate.name).collect(Collectors.joining(" or "))
                            + "; got '" + format + "'"));
        }
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        List<MediaType> accepted = new ArrayList<>(MediaType.parseMediaTypes(accept));
        accepted.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : accepted) {
            for (StatementFormat candidate : offered) {
                if (type.getQualityValue() > 0 && candidate.answers(type)) {
                    return candidate;
                }
            }
        }
        throw new HttpMediaTypeNotAcceptableException(offered.stream().map(StatementFormat::mediaType).toList());
    }

    private boolean answers(MediaType accepted) {
        if (this == JSON) {
            return accepted.includes(mediaType);
        }
        String version = accepted.getParameter("version");
        return !accepted.isWildcardType() && !accepted.isWildcardSubtype() && accepted.isCompatibleWith(mediaType)
                && (version == null || version.equals(mediaType.getParameter("version")));
    }
}
