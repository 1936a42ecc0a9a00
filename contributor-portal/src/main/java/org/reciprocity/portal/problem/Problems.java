package org.reciprocity.portal.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.portal.taxii.Taxii;
import org.reciprocity.portal.taxii.TaxiiErrors;
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
        write(request, response, of(type, detail));
    }

    /** The problem as the answer, in the form the path's clients read: a TAXII error message on TAXII paths. */
    public void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        // The servlet container may refuse a request before it knows the path.
        String path = request.getRequestURI();
        if (path != null) {
            problem.setInstance(URI.create(path));
        }
        response.setStatus(problem.getStatus());
        if (Taxii.serves(path)) {
            // TAXII clients read TAXII error messages.
            response.setContentType(Taxii.MEDIA_TYPE);
            json.writeValue(response.getOutputStream(), TaxiiErrors.of(problem));
            return;
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
