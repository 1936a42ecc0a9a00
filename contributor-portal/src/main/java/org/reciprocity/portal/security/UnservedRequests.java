package org.reciprocity.portal.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.portal.problem.ProblemType;
import org.reciprocity.portal.problem.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.util.ServletRequestPathUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The answer to a request the security rules deny. A path the API does not serve is denied to everyone, so that an
 * endpoint added without a rule is closed; the caller is then told what is true: the path answers other methods
 * (405, with {@code Allow}), nothing is served there (404), or the participant's kind may not (403).
 */
@Component
// With the security rules it answers for: only a web server has requests (not the audit command line).
@ConditionalOnWebApplication
class UnservedRequests {

    private final List<HandlerMapping> mappings;
    private final Problems problems;

    UnservedRequests(List<HandlerMapping> mappings, Problems problems) {
        this.mappings = new ArrayList<>(mappings);
        AnnotationAwareOrderComparator.sort(this.mappings);
        this.problems = problems;
    }

    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!isServed(request)) {
                problems.write(request, response, ProblemType.NOT_FOUND, "nothing is served at "
                        + request.getRequestURI());
                return;
            }
        } catch (HttpRequestMethodNotSupportedException wrongMethod) {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", wrongMethod.getSupportedMethods()));
            problems.write(request, response, ProblemType.METHOD_NOT_ALLOWED, request.getRequestURI()
                    + " answers " + String.join(", ", wrongMethod.getSupportedMethods()) + ", not "
                    + request.getMethod());
            return;
        }
        problems.write(request, response, ProblemType.FORBIDDEN, "this participant's kind may not "
                + request.getMethod() + " " + request.getRequestURI());
    }

    /**
     * Whether some endpoint serves the path, as Spring MVC would look for it: the API's controllers, the actuator's
     * endpoints. The static resources' catch-all, which takes any path to answer 404 itself, serves nothing here.
     */
    private boolean isServed(HttpServletRequest request) throws HttpRequestMethodNotSupportedException {
        ServletRequestPathUtils.parseAndCache(request);
        for (HandlerMapping mapping : mappings) {
            try {
                HandlerExecutionChain chain = mapping.getHandler(request);
                if (chain != null && !(chain.getHandler() instanceof ResourceHttpRequestHandler)) {
                    return true;
                }
            } catch (HttpRequestMethodNotSupportedException wrongMethod) {
                throw wrongMethod;
            } catch (Exception notThisMapping) {
                // A mapping that matches the path but not the rest (a media type it does not produce, say) still
                // serves it; the participant may not, which is what the caller is told.
                return true;
            }
        }
        return false;
    }
}
