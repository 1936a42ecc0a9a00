package org.reciprocity.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import java.util.Collections;

/**
 * Refuses a request whose headers cannot mean one thing, before anything reads them: a value with characters outside
 * visible ASCII (a control character, bytes of another encoding), a body declared as a media type that is not one, or
 * an Accept header that cannot be read.
 * The answer names the header and never repeats its value, which may hold a credential.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class RequestHeadersCheck extends OncePerRequestFilter {

    private final Problems problems;

    RequestHeadersCheck(Problems problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (!isVisibleAscii(value)) {
                    problems.write(request, response, ProblemType.INVALID_REQUEST, "the " + name + " header holds "
                            + "characters other than visible ASCII, spaces and tabs; it was not read");
                    return;
                }
            }
        }
        String contentType = request.getContentType();
        if (contentType != null && !isConcrete(contentType)) {
            problems.write(request, response, ProblemType.UNSUPPORTED_MEDIA_TYPE, "the Content-Type header names "
                    + "no single media type; send the body's own, such as " + MediaType.APPLICATION_JSON_VALUE);
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

    private static boolean isConcrete(String contentType) {
        try {
            return MediaType.parseMediaType(contentType).isConcrete();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
