package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpSession;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A firm's, an agency's or a pool member's account: its balance and what it would draw, its credit over time, and
 * its statement. Contributing, drawing and what was drawn have their own pages.
 */
@Controller
@RequestMapping("/portal/member")
class AccountPages {

    /** How far back the account page's chart reaches, and how many of the span's lines it reads at most. */
    static final Duration CHART_SPAN = Duration.ofDays(90);
    static final int CHART_LINES = 10_000;
    static final int PAGE = 50;

    private final PortalApi api;
    private final Clock clock;

    AccountPages(PortalApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") MemberAccount account,
                    HttpSession session, Model model) {
        Instant now = clock.instant();
        JsonNode summary = api.get(who, account.path(), Map.of());
        List<JsonNode> recent = lines(who, account, now.minus(CHART_SPAN));
        Map<String, Object> next = new LinkedHashMap<>();
        next.put("limit", DrawPages.MOST);
        next.put("after", DrawPages.cursor(session, account));
        JsonNode quote = api.send(who, HttpMethod.POST, "/api/withdrawals/quotes", next, null);
        model.addAttribute("participant", AnswerView.of(account.participant()));
        model.addAttribute("summary", AnswerView.of(summary));
        model.addAttribute("quality", AnswerView.of(api.get(who, account.path() + "/quality", Map.of())));
        model.addAttribute("gauge", Gauge.of(quote));
        model.addAttribute("chart", CreditChart.of(recent, now.minus(CHART_SPAN), now));
        model.addAttribute("chartCut", recent.size() >= CHART_LINES);
        model.addAttribute("latest", recent.subList(Math.max(0, recent.size() - 5), recent.size()).stream()
                .map(AnswerView::of).toList());
        return "portal/member/account";
    }

    @GetMapping("/statement")
    String statement(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") MemberAccount account,
                     StatementForm filter, Model model) {
        JsonNode page = api.get(who, account.path() + "/statement", filter.query(PAGE));
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", StatementForm.KINDS);
        model.addAttribute("statement", AnswerView.of(page));
        JsonNode lines = page.path("lines");
        model.addAttribute("next", lines.size() == PAGE ? lines.get(lines.size() - 1).path("position").asLong()
                : null);
        return "portal/member/statement";
    }

    /** The statement as the filter shows it, every line of it, as the API writes it in CSV. */
    @GetMapping("/statement.csv")
    ResponseEntity<byte[]> statementCsv(@AuthenticationPrincipal SignedIn who,
                                        @ModelAttribute("account") MemberAccount account, StatementForm filter) {
        Map<String, Object> query = filter.query(null);
        query.remove("after");
        query.put("format", "csv");
        return Forms.file(api.download(who, account.path() + "/statement", query), "statement.csv");
    }

    /** The span's lines, a page at a time as the API pages them, up to {@value #CHART_LINES}. */
    private List<JsonNode> lines(SignedIn who, MemberAccount account, Instant from) {
        List<JsonNode> lines = new ArrayList<>();
        long after = -1;
        while (lines.size() < CHART_LINES) {
            Map<String, Object> page = Map.of("from", from, "after", after, "limit", 1000);
            JsonNode answer = api.get(who, account.path() + "/statement", page).path("lines");
            answer.forEach(lines::add);
            if (answer.size() < 1000) {
                break;
            }
            after = answer.get(answer.size() - 1).path("position").asLong();
        }
        return lines;
    }
}
