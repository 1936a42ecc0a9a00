package org.reciprocity.portal.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.portal.taxii.Taxii;
import org.reciprocity.portal.taxii.TaxiiErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;

/**
 * Problem details (RFC 9457) for the places that answer outside Spring MVC's exception handling: the security
 * filters, and the request-size filter.
 */
@Component
public class Problems {

    private static final String REALM = "Reciprocity Exchange";

    private final ObjectMapper json;

    Problems(ObjectMapper json) {
        this.json = json;
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        return of(type.status(), type, detail);
    }

    /** A problem under a status other than its type's own: the container's, for the errors it answers itself. */
    public static ProblemDetail of(HttpStatus status, ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ProblemType type, String detail)
            throws IOException {
        ProblemDetail problem = of(type, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(type.status().value());
        if (type == ProblemType.UNAUTHENTICATED) {
            // RFC 9110, 11.6.1: a 401 names the schemes that would do. TAXII clients wait for it to send Basic.
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + REALM + "\""
                    + (request.getHeader(HttpHeaders.AUTHORIZATION) == null ? "" : ", error=\"invalid_token\""));
        }
        if (Taxii.serves(request.getRequestURI())) {
            // TAXII clients read TAXII error messages.
            response.setContentType(Taxii.MEDIA_TYPE);
            json.writeValue(response.getOutputStream(), TaxiiErrors.of(problem));
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
