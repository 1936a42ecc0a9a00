package org.reciprocity.portal.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page of the portal shares: who is signed in, and how the API's refusals are shown. */
@ControllerAdvice(basePackageClasses = PortalAdvice.class)
class PortalAdvice {

    @ModelAttribute("me")
    Viewer me(@AuthenticationPrincipal SignedIn who) {
        return who == null ? null : Viewer.of(who);
    }

    /**
     * A refusal a page did not show in place. A key that no longer works ends the session: it was reissued or
     * revoked, and the person must sign in with the new one.
     */
    @ExceptionHandler(ApiRefusal.class)
    String refused(ApiRefusal refusal, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (refusal.keyNoLongerWorks()) {
            new SecurityContextLogoutHandler().logout(request, response, null);
            return "redirect:/sign-in?expired";
        }
        response.setStatus(refusal.status());
        model.addAttribute("refusal", refusal);
        return "portal/refused";
    }
}
