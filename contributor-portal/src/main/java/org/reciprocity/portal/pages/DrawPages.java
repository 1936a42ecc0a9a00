package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drawing from the pool: the API quotes what a draw would deliver and cost, without recording anything, and the
 * person confirms before the withdrawal is made. The confirmation carries the request key chosen with the quote, so
 * sending it twice draws, and charges, once.
 */
@Controller
@RequestMapping("/portal/member/draw")
class DrawPages {

    /** The most one withdrawal may draw, as the API allows. */
    static final int MOST = 10_000;
    static final List<String> TYPES = List.of("ipv4", "ipv6", "domain", "url", "md5", "sha1", "sha256", "email");

    private final PortalApi api;

    DrawPages(PortalApi api) {
        this.api = api;
    }

    /** What the draw form sends: item types, the first day items became drawable, how many at most. */
    record DrawForm(List<String> types, String since, Integer limit, String requestKey) {

        Map<String, Object> request() {
            Map<String, Object> request = new LinkedHashMap<>();
            if (types != null && !types.isEmpty()) {
                request.put("types", types);
            }
            String from = Formats.dayStart(since);
            if (from != null) {
                request.put("since", from);
            }
            request.put("limit", limit == null ? 100 : limit);
            return request;
        }

        public boolean wants(String type) {
            return types != null && types.contains(type);
        }
    }

    @GetMapping
    String form(DrawForm form, Model model) {
        model.addAttribute("types", TYPES);
        model.addAttribute("form", form);
        return "portal/member/draw";
    }

    @PostMapping("/quote")
    String quote(@AuthenticationPrincipal SignedIn who, DrawForm form, Model model) {
        form(form, model);
        try {
            JsonNode quote = api.send(who, HttpMethod.POST, "/api/withdrawals/quotes", form.request(), null);
            model.addAttribute("quote", api.view(quote));
            model.addAttribute("requestKey", MemberPages.requestKey());
        } catch (ApiRefusal refusal) {
            model.addAttribute("refusal", refusal);
        }
        return "portal/member/draw";
    }

    @PostMapping
    String draw(@AuthenticationPrincipal SignedIn who, DrawForm form, Model model) {
        try {
            JsonNode receipt = api.send(who, HttpMethod.POST, "/api/withdrawals", form.request(), form.requestKey());
            model.addAttribute("receipt", api.view(receipt));
            return "portal/member/drawn";
        } catch (ApiRefusal refusal) {
            form(form, model);
            model.addAttribute("refusal", refusal);
            return "portal/member/draw";
        }
    }
}
