package org.reciprocity.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.portal.problem.ProblemType;
import org.reciprocity.portal.problem.Problems;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import java.io.IOException;

/**
 * The answer to a request the security rules deny. A path the API does not serve is denied to everyone, so that an
 * endpoint added without a rule is closed; the caller is then told what is true: the path answers other methods
 * (405, with {@code Allow}), the path is not the API's (404), or the participant's kind may not (403).
 */
@Component
// With the security rules it answers for: only a web server has requests (not the audit command line).
@ConditionalOnWebApplication
class UnservedRequests {

    private final HandlerMapping endpoints;
    private final Problems problems;

    UnservedRequests(@Qualifier("requestMappingHandlerMapping") HandlerMapping endpoints, Problems problems) {
        this.endpoints = endpoints;
        this.problems = problems;
    }

    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            ServletRequestPathUtils.parseAndCache(request);
            if (endpoints.getHandler(request) == null) {
                problems.write(request, response, ProblemType.NOT_FOUND, "the API has no " + request.getRequestURI());
                return;
            }
        } catch (HttpRequestMethodNotSupportedException wrongMethod) {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", wrongMethod.getSupportedMethods()));
            problems.write(request, response, ProblemType.METHOD_NOT_ALLOWED, request.getRequestURI()
                    + " answers " + String.join(", ", wrongMethod.getSupportedMethods()) + ", not "
                    + request.getMethod());
            return;
        } catch (Exception unmatched) {
            // Any other reason the mapping gives for not serving it (a media type it does not produce, say): the
            // participant still may not, which is what the caller is told.
        }
        problems.write(request, response, ProblemType.FORBIDDEN, "this participant's kind may not "
                + request.getMethod() + " " + request.getRequestURI());
    }
}
