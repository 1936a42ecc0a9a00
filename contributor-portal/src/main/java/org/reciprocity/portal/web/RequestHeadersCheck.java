package org.reciprocity.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.problem.ProblemType;
import org.reciprocity.portal.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Refuses a request whose headers cannot mean one thing, before anything reads them: a value with characters outside
 * visible ASCII (a control character, bytes of another encoding), a header that means one value given twice, a body
 * declared as a media type that is not one, an Accept header that cannot be read, or a query with a broken escape.
 * The answer names the header and never repeats its value, which may hold a credential.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestHeadersCheck extends OncePerRequestFilter {

    // Headers that mean one value: two would be joined with a comma into a value neither of them was.
    private static final List<String> SINGLE = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
            RequestKeyHeader.NAME);
    private static final Pattern BROKEN_ESCAPE = Pattern.compile("%(?![0-9A-Fa-f]{2})");
    // Tomcat lets these through (see application.yml) so that the refusal is the exchange's, in the path's own form;
    // the brackets TAXII filters are written with are taken as they are.
    private static final Pattern UNENCODED = Pattern.compile("[\"<>\\\\^`{|}]");

    private final Problems problems;

    RequestHeadersCheck(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String name : Collections.list(request.getHeaderNames())) {
            List<String> values = Collections.list(request.getHeaders(name));
            if (values.size() > 1 && SINGLE.stream().anyMatch(name::equalsIgnoreCase)) {
                problems.write(request, response, ProblemType.INVALID_REQUEST, "the " + name + " header is given "
                        + values.size() + " times; send it once");
                return;
            }
            for (String value : values) {
                if (!isVisibleAscii(value)) {
                    // Credentials that cannot be read are no credentials: the caller is not known.
                    problems.write(request, response, HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)
                            ? ProblemType.UNAUTHENTICATED : ProblemType.INVALID_REQUEST, "the " + name + " header "
                            + "holds characters other than visible ASCII, spaces and tabs; it was not read");
                    return;
                }
            }
        }
        String query = request.getQueryString();
        if (query != null && BROKEN_ESCAPE.matcher(query).find()) {
            // Tomcat would skip the parameter and carry on as though it had not been sent.
            problems.write(request, response, ProblemType.INVALID_REQUEST, "the query holds a '%' that is not "
                    + "followed by two hexadecimal digits; encode a '%' itself as %25");
            return;
        }
        if (query != null && UNENCODED.matcher(query).find()) {
            problems.write(request, response, ProblemType.INVALID_REQUEST, "the query holds a character a URL "
                    + "carries only percent-encoded (one of \" < > \\ ^ ` { | }); encode it");
            return;
        }
        String contentType = request.getContentType();
        MediaType declared = contentType == null ? null : parsed(contentType);
        if (contentType != null && (declared == null || !declared.isConcrete())) {
            problems.write(request, response, ProblemType.UNSUPPORTED_MEDIA_TYPE, "the Content-Type header names "
                    + "no single media type; send the body's own, such as " + MediaType.APPLICATION_JSON_VALUE);
            return;
        }
        if (declared != null && !isUtf8(declared)) {
            // JSON is UTF-8 (RFC 8259); a body declared otherwise would be read as something it is not.
            problems.write(request, response, ProblemType.UNSUPPORTED_MEDIA_TYPE, "the exchange reads bodies in "
                    + "UTF-8; leave the charset out or declare charset=utf-8");
            return;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && !isMediaTypes(accept)) {
            problems.write(request, response, ProblemType.NOT_ACCEPTABLE, "the Accept header names no media type "
                    + "that can be read; leave it out, or accept " + MediaType.APPLICATION_JSON_VALUE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isVisibleAscii(String value) {
        return value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c <= 0x7e));
    }

    private static boolean isMediaTypes(String accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean isUtf8(MediaType declared) {
        try {
            Charset charset = declared.getCharset();
            return charset == null || charset.equals(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException unknownCharset) {
            return false;
        }
    }

    /** The media type a header names; null when it names none. */
    private static MediaType parsed(String contentType) {
        try {
            return MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return null;
        }
    }
}
