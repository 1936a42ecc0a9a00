package org.reciprocity.portal.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

import java.net.URI;
import java.util.Map;

/**
 * The servlet container's error page, for the failures that happen outside the API's own handlers (a method the
 * container refuses, a body it cannot read, a filter that failed): answered as problem details like every other
 * error, but on the portal's pages, where a person reads it, as a page. A failure thrown by a filter is judged as the
 * API's handlers judge theirs ({@link ProblemHandler#unexpected}): a database connection that did not come free for
 * the authentication's lookup, say, is busy with when to ask again, not the exchange's fault. It is logged here, as
 * the API's handlers log theirs, and only here: the container's own line for it is turned off ({@code
 * FilterFailureLog}).
 */
@RestController
class ProblemErrorController implements ErrorController {

    private final ProblemHandler failures;

    ProblemErrorController(ProblemHandler failures) {
        this.failures = failures;
    }

    @RequestMapping("${server.error.path:/error}")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ResponseEntity<ProblemDetail> answer = status == HttpStatus.INTERNAL_SERVER_ERROR
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                ? failures.unexpected(failure) : containerAnswer(request, status);
        status = HttpStatus.valueOf(answer.getStatusCode().value());
        ProblemDetail problem = answer.getBody();
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path) {
            if (path.equals("/portal") || path.startsWith("/portal/") || path.startsWith("/sign-")) {
                // The portal's own page for failures, saying only what the status says.
                return new ModelAndView("portal/failed", Map.of("failure", "The exchange could not show this "
                        + "page (" + status.value() + " " + status.getReasonPhrase() + "). Nothing was changed by "
                        + "it."), status);
            }
            problem.setInstance(URI.create(path));
        }
        return ResponseEntity.status(status).headers(answer.getHeaders()).body(problem);
    }

    private static ResponseEntity<ProblemDetail> containerAnswer(HttpServletRequest request, HttpStatus status) {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        return ResponseEntity.status(status).body(Problems.of(status, ProblemType.forStatus(status),
                message instanceof String text && !text.isBlank() ? text : status.getReasonPhrase()));
    }
}
