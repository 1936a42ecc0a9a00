package org.reciprocity.portal.pages;

import org.reciprocity.portal.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.Map;

/** What every page of a firm, an agency or a pool member acts on: the account {@code GET /api/me} names. */
@ControllerAdvice(assignableTypes = {AccountPages.class, DrawPages.class, DrawnPages.class})
class MemberAdvice {

    private final PortalApi api;

    MemberAdvice(PortalApi api) {
        this.api = api;
    }

    @ModelAttribute("account")
    MemberAccount account(@AuthenticationPrincipal SignedIn who) {
        return MemberAccount.of(api.get(who, "/api/me", Map.of()));
    }
}
