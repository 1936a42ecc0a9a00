package org.reciprocity.portal.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Signing in, and the way to each role's pages. Signing out is Spring Security's, at {@code POST /sign-out}. */
@Controller
class SignInController {

    @GetMapping("/sign-in")
    String signIn() {
        return "portal/sign-in";
    }

    @GetMapping("/portal")
    String home(@AuthenticationPrincipal SignedIn who) {
        return "redirect:" + Viewer.of(who).home();
    }

    /** Where the portal's rules send what they refuse: a page of another role, or a form whose token expired. */
    @RequestMapping("/portal/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied(HttpServletRequest request, Model model) {
        model.addAttribute("expiredForm", request.getAttribute(WebAttributes.ACCESS_DENIED_403)
                instanceof CsrfException);
        return "portal/denied";
    }

    /** A portal path that names no page: a page that says so, where the API would answer in problem details. */
    @RequestMapping("/portal/**")
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String missing() {
        return "portal/missing";
    }
}
