package org.reciprocity.portal.problem;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.reciprocity.core.Refusal;
import org.reciprocity.core.messaging.Conflicts;
import org.reciprocity.core.messaging.Refusals;
import org.reciprocity.core.messaging.Timeouts;
import org.reciprocity.core.messaging.SharedDatabase;
import org.reciprocity.core.messaging.TransientFailures;
import org.reciprocity.portal.web.RequestSizeLimit;
import org.reciprocity.portal.web.Utf8Body;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every refusal as {@code application/problem+json}: what went wrong in words a person can act on, and for bad input
 * the fields at fault under {@code errors}.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /**
     * Every refusal of the exchange, by its reason: the problem type and status the reason has, the refusal's own
     * details as properties, and for the refusals that a moment will lift, when to ask again.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        ProblemType type = ProblemType.of(refusal.reason());
        ProblemDetail problem = Problems.of(type, refusal.getMessage());
        refusal.details().forEach(problem::setProperty);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(type.status());
        refusal.retryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER,
                String.valueOf(wait.toSeconds())));
        return answer.body(problem);
    }

    /**
     * A command's failure as the bus delivers it when it did not pass through the exchange's gateway: a refusal
     * decided on another node is answered as that refusal; anything else as the failure it is.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
        return Refusals.rethrown(e) instanceof Refusal refusal ? refused(refusal) : unexpected(e);
    }

    /**
     * The firewall's refusal of what it checks as it is read (a query parameter's name with a control character, say);
     * its message repeats what it refused, so it is not passed on.
     */
    @ExceptionHandler
    ProblemDetail rejected(RequestRejectedException e) {
        return Problems.of(ProblemType.INVALID_REQUEST, "the request holds a character or a sequence that is not "
                + "allowed where it stands");
    }

    @ExceptionHandler
    ProblemDetail projectionClaimed(UnableToClaimTokenException e) {
        return Problems.of(ProblemType.PROJECTION_CLAIMED, "another node holds this projection's "
                + "work, so it cannot be reset from here: stop the projection on the other nodes and try again ("
                + e.getMessage() + ")");
    }

    /**
     * Anything else. A conflict that outlasted every retry, and a command no node could take just now, mean nothing
     * was stored; a command that did not finish in time may have been stored or not. Either way the same request,
     * sent again with the same request key, is decided once, or answered as it was decided: busy, with when to ask
     * again. Any other failure is the exchange's fault, logged under a reference the caller can quote. The error page
     * hands on whatever a filter threw, an {@link Error} too, hence a throwable.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Throwable e) {
        if (Conflicts.isConflict(e)) {
            return busy(1, "concurrent requests changed the same records too often to decide this one; nothing was "
                    + "stored: send the same request again with the same request key");
        }
        if (Timeouts.isTimeout(e)) {
            log.warn("A request did not finish in time: {}", e.getMessage());
            return busy(2, "the exchange could not finish this request in time; send the same request again with "
                    + "the same request key: if it was stored meanwhile, it is answered as it was decided, and it is "
                    + "never stored twice");
        }
        if (TransientFailures.isTransient(e)) {
            log.warn("A command could not be handed to any node: {}", e.getMessage());
            return busy(2, "no node of the exchange could take this request just now; nothing was stored: send the "
                    + "same request again with the same request key");
        }
        if (SharedDatabase.isForeign(e)) {
            log.error("A command reached a node on another database than this one's; the nodes must share one: {}",
                    e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.of(ProblemType.MISCONFIGURED,
                    "the node of the exchange that holds this request's records keeps another database than this "
                            + "node; nothing was stored. The exchange's operator must give every node the one "
                            + "database"));
        }
        String reference = UUID.randomUUID().toString();
        log.error("Request failed unexpectedly (reference {})", reference, e);
        ProblemDetail problem = Problems.of(ProblemType.INTERNAL,
                "the exchange failed to answer this request (reference " + reference + "); send it again with the "
                        + "same request key to learn whether it was stored");
        problem.setProperty("reference", reference);
        return ResponseEntity.internalServerError().body(problem);
    }

    private static ResponseEntity<ProblemDetail> busy(int retryAfterSeconds, String detail) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds))
                .body(Problems.of(ProblemType.BUSY, detail));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        RequestSizeLimit.TooLarge tooLarge = UnreadableBody.causeOf(e, RequestSizeLimit.TooLarge.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
        }
        Utf8Body.NotUtf8 notUtf8 = UnreadableBody.causeOf(e, Utf8Body.NotUtf8.class);
        if (notUtf8 != null) {
            return ResponseEntity.badRequest().body(Problems.of(ProblemType.INVALID_REQUEST,
                    "the request body is not valid JSON: " + notUtf8.getMessage() + ", and JSON is UTF-8"));
        }
        UnreadableBody unreadable = UnreadableBody.of(e.getCause());
        ProblemDetail problem = Problems.of(ProblemType.INVALID_REQUEST, unreadable.message());
        if (unreadable.field() != null) {
            withErrors(problem, List.of(new FieldError(unreadable.field(), unreadable.message())));
        }
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName();
        String message = "'" + field + "' cannot be read from '" + e.getValue() + "'"
                + (e.getRequiredType() == null ? "" : ": expected " + UnreadableBody.kindOf(e.getRequiredType()));
        return ResponseEntity.badRequest().body(withErrors(
                Problems.of(ProblemType.INVALID_REQUEST, message),
                List.of(new FieldError(field, message))));
    }

    /** Query parameters bound together (a TAXII filter's, say), each one that could not be read named. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), "'" + error.getField() + "' cannot be read from '"
                        + error.getRejectedValue() + "'")).toList();
        String detail = errors.isEmpty() ? "the request's parameters cannot be read"
                : errors.stream().map(FieldError::message).collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(withErrors(Problems.of(ProblemType.INVALID_REQUEST, detail), errors));
    }

    /**
     * Spring's own answers (an unsupported media type, a missing header, an unknown path) as problems of ours, so
     * that a client meets one set of problem types.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus known = HttpStatus.resolve(status.value());
            if (known != null) {
                ProblemType type = ProblemType.forStatus(known);
                problem.setType(type.uri());
                problem.setTitle(type.title());
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors);
        return problem;
    }
}
