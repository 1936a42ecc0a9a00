package org.reciprocity.portal.pages;

import org.reciprocity.portal.security.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.Map;

/**
 * Every contributor's quality record, the worst first: one page, under the operator's and the auditor's part of the
 * portal alike, each guarded by its own role. A member sees its own record on its account page.
 */
@Controller
class QualityPages {

    private final PortalApi api;

    QualityPages(PortalApi api) {
        this.api = api;
    }

    @GetMapping({"/portal/operator/quality", "/portal/audit/quality"})
    String quality(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("quality", AnswerView.of(api.get(who, "/api/quality", Map.of())));
        return "portal/quality";
    }
}
