package org.reciprocity.portal.pages;

import org.reciprocity.portal.security.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
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

    @RequestMapping("/portal/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "portal/denied";
    }
}
