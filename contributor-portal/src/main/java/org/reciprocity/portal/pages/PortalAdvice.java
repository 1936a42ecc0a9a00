package org.reciprocity.portal.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.portal.security.SignedIn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.time.DateTimeException;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * What every page of the portal shares: who is signed in, and how failures are shown, as pages a person reads. It
 * comes before the API's own handler of failures, which answers machines in problem details.
 */
@ControllerAdvice(basePackageClasses = PortalAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalAdvice {

    private static final Logger log = LoggerFactory.getLogger(PortalAdvice.class);

    @ModelAttribute("me")
    Viewer me(@AuthenticationPrincipal SignedIn who) {
        return who == null ? null : Viewer.of(who);
    }

    /**
     * A refusal a page did not show in place. A key that no longer works ends the session: it was reissued or
     * revoked, and the person must sign in with the new one; so does a suspension, which the sign-in page explains.
     */
    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (refusal.keyNoLongerWorks() || refusal.participantSuspended()) {
            new SecurityContextLogoutHandler().logout(request, response, null);
            return refusal.participantSuspended() ? "redirect:/sign-in?suspended" : "redirect:/sign-in?expired";
        }
        response.setStatus(refusal.status());
        model.addAttribute("me", signedIn());
        model.addAttribute("refusal", refusal);
        return "portal/refused";
    }

    /** A date in a form that is no date: nothing was done. */
    @ExceptionHandler(DateTimeParseException.class)
    String notADate(DateTimeParseException failure, HttpServletResponse response, Model model) {
        return failed(400, "'" + failure.getParsedString() + "' is not a date: write it as year-month-day "
                + "(2026-12-31), or pick it in the calendar. Go back and send the form again; nothing was done.",
                response, model);
    }

    /** A form the page could not read otherwise: a number that is none, a field left out. */
    @ExceptionHandler({DateTimeException.class, IllegalArgumentException.class, BindException.class,
            MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String unreadable(Exception failure, HttpServletResponse response, Model model) {
        return failed(400, "The form held something the page could not read: a number, a choice or a field left "
                + "out. Go back, check it and send it again; nothing was done.", response, model);
    }

    /** The API did not answer in time. Nothing the page asked may have been done, or all of it: look before redoing. */
    @ExceptionHandler(ResourceAccessException.class)
    String unanswered(ResourceAccessException failure, HttpServletResponse response, Model model) {
        return failed(503, "The exchange did not answer in time. What you sent may or may not have been done: "
                + "check your statement before sending it again (a form sent again repeats its request key, so it "
                + "is done at most once).", response, model);
    }

    @ExceptionHandler(Exception.class)
    String failed(Exception failure, HttpServletResponse response, Model model) {
        String reference = UUID.randomUUID().toString();
        log.error("A portal page failed (reference {})", reference, failure);
        return failed(500, "The page failed on the exchange's side (reference " + reference + "; the operator "
                + "finds it in the log).", response, model);
    }

    private static String failed(int status, String why, HttpServletResponse response, Model model) {
        response.setStatus(status);
        model.addAttribute("me", signedIn());
        model.addAttribute("failure", why);
        return "portal/failed";
    }

    /** Who is signed in, for a failure's page: handlers of failures are not given the model's attributes. */
    private static Viewer signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedIn who ? Viewer.of(who)
                : null;
    }
}
