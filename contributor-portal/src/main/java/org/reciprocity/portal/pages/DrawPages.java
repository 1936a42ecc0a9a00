package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpSession;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drawing from the pool: the API quotes what a draw would deliver and cost, without recording anything, and the
 * person confirms before the withdrawal is made. The confirmation carries the request key chosen with the quote, so
 * sending it twice draws, and charges, once. Each draw continues where the member's last one in this session
 * reached, as the API's {@code after} does; what was received before is delivered again at no cost.
 */
@Controller
@RequestMapping("/portal/member/draw")
class DrawPages {

    /** The most one withdrawal may draw, as the API allows. */
    static final int MOST = 10_000;

    private final PortalApi api;

    DrawPages(PortalApi api) {
        this.api = api;
    }

    /**
     * What the draw form sends: item types, the first day items became drawable, the pool position to continue
     * after, how many at most, whether the best first (by score), and once quoted, the request key to draw with.
     */
    record DrawForm(List<String> types, String since, Long after, Integer limit, String order, String requestKey) {

        /** Whether the best items are drawn first: a draw by score, which has no position to continue after. */
        public boolean bestFirst() {
            return "score".equals(order);
        }

        Map<String, Object> request() {
            Map<String, Object> request = new LinkedHashMap<>();
            if (types != null && !types.isEmpty()) {
                request.put("types", types);
            }
            String from = Forms.dayStart(since);
            if (from != null) {
                request.put("since", from);
            }
            if (bestFirst()) {
                request.put("order", "score");
            } else if (after != null) {
                request.put("after", after);
            }
            request.put("limit", limit == null ? 100 : limit);
            return request;
        }

        public boolean wants(String type) {
            return types != null && types.contains(type);
        }
    }

    /** Where the member's last draw in this session reached in the pool; nothing before its first. */
    static Long cursor(HttpSession session, MemberAccount account) {
        return (Long) session.getAttribute(cursorName(account));
    }

    @GetMapping
    String form(@ModelAttribute("account") MemberAccount account, DrawForm form, HttpSession session,
                Model model) {
        model.addAttribute("types", Forms.TYPES);
        model.addAttribute("form", form.after() != null || form.limit() != null ? form
                : new DrawForm(form.types(), form.since(), cursor(session, account), null, form.order(), null));
        return "portal/member/draw";
    }

    @PostMapping("/quote")
    String quote(@AuthenticationPrincipal SignedIn who, DrawForm form, Model model) {
        model.addAttribute("types", Forms.TYPES);
        model.addAttribute("form", form);
        try {
            model.addAttribute("quote", AnswerView.of(api.send(who, HttpMethod.POST, "/api/withdrawals/quotes",
                    form.request(), null)));
            model.addAttribute("requestKey", Forms.requestKey());
        } catch (ApiRefusal refusal) {
            model.addAttribute("refusal", refusal);
        }
        return "portal/member/draw";
    }

    @PostMapping
    String draw(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") MemberAccount account,
                DrawForm form, HttpSession session, Model model) {
        try {
            JsonNode receipt = api.send(who, HttpMethod.POST, "/api/withdrawals", form.request(), form.requestKey());
            if (receipt.path("throughPosition").isNumber()) {
                session.setAttribute(cursorName(account), receipt.path("throughPosition").asLong());
            }
            model.addAttribute("receipt", AnswerView.of(receipt));
            return "portal/member/drawn";
        } catch (ApiRefusal refusal) {
            model.addAttribute("types", Forms.TYPES);
            model.addAttribute("form", form);
            model.addAttribute("refusal", refusal);
            return "portal/member/draw";
        }
    }

    private static String cursorName(MemberAccount account) {
        return "portal.drawnThrough." + account.id();
    }
}
