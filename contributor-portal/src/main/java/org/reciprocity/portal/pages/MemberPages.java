package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A firm's, an agency's or a pool member's pages: its account, its statement, what it drew and what others acted on.
 * Contributing and drawing have their own pages ({@link ContributePages}, {@link DrawPages}).
 */
@Controller
@RequestMapping("/portal/member")
class MemberPages {

    /** How far back the account page's chart reaches. */
    static final Duration CHART_SPAN = Duration.ofDays(90);
    static final int PAGE = 50;

    private final PortalApi api;
    private final Clock clock;

    MemberPages(PortalApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @ModelAttribute("account")
    String account(@AuthenticationPrincipal SignedIn who) {
        return api.get(who, "/api/me", Map.of()).path("account").asText();
    }

    @GetMapping
    String overview(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") String account, Model model) {
        JsonNode me = api.get(who, "/api/me", Map.of());
        JsonNode summary = api.get(who, "/api/accounts/" + account, Map.of());
        Instant now = clock.instant();
        List<JsonNode> recent = lines(who, account, Map.of("from", now.minus(CHART_SPAN)));
        JsonNode everything = api.send(who, HttpMethod.POST, "/api/withdrawals/quotes",
                Map.of("limit", DrawPages.MOST), null);
        model.addAttribute("participant", api.view(me.path("participant")));
        model.addAttribute("pool", me.path("pool").isTextual() ? me.path("pool").asText() : null);
        model.addAttribute("summary", api.view(summary));
        model.addAttribute("gauge", Gauge.of(summary.path("availableNow").decimalValue(), everything));
        model.addAttribute("chart", CreditChart.of(recent, now.minus(CHART_SPAN), now));
        model.addAttribute("latest", api.view(json(recent.subList(Math.max(0, recent.size() - 5), recent.size()))));
        return "portal/member/account";
    }

    @GetMapping("/statement")
    String statement(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") String account,
                     StatementFilter filter, Model model) {
        JsonNode page = api.get(who, "/api/accounts/" + account + "/statement", filter.query(PAGE));
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", StatementFilter.KINDS);
        model.addAttribute("statement", api.view(page));
        JsonNode lines = page.path("lines");
        model.addAttribute("next", lines.size() == PAGE ? lines.get(lines.size() - 1).path("position").asLong()
                : null);
        return "portal/member/statement";
    }

    @GetMapping("/statement.csv")
    ResponseEntity<byte[]> statementCsv(@AuthenticationPrincipal SignedIn who,
                                        @ModelAttribute("account") String account, StatementFilter filter) {
        Map<String, Object> query = new LinkedHashMap<>(filter.query(null));
        query.put("format", "csv");
        return passedOn(api.download(who, "/api/accounts/" + account + "/statement", query));
    }

    @GetMapping("/draws")
    String draws(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") String account,
                 @RequestParam(defaultValue = "-1") long after, Model model) {
        JsonNode page = api.get(who, "/api/accounts/" + account + "/statement",
                Map.of("kind", "DEBIT", "after", after, "limit", PAGE));
        model.addAttribute("lines", api.view(page.path("lines")));
        JsonNode lines = page.path("lines");
        model.addAttribute("next", lines.size() == PAGE ? lines.get(lines.size() - 1).path("position").asLong()
                : null);
        return "portal/member/draws";
    }

    /** What one withdrawal delivered, each item to tick as acted on. */
    @GetMapping("/draws/{position}")
    String drawn(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") String account,
                 @PathVariable long position, Model model) {
        model.addAttribute("position", position);
        model.addAttribute("items", api.view(drawnItems(who, account, position)));
        model.addAttribute("requestKey", requestKey());
        return "portal/member/drawn-items";
    }

    /**
     * Reports the ticked items of a withdrawal as acted on: each earns its contributor the policy's bonus. The items
     * are those the API lists for the withdrawal, picked by their place in it, so the form can name no other.
     */
    @PostMapping("/draws/{position}/acted-on")
    String actedOn(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") String account,
                   @PathVariable long position, @RequestParam(name = "acted", required = false) List<Integer> acted,
                   @RequestParam String requestKey, Model model) {
        List<Map<String, String>> items = new ArrayList<>();
        drawnItems(who, account, position).forEach(item -> {
            if (acted != null && acted.contains(item.path("ordinal").asInt()) && item.path("value").isTextual()) {
                items.add(Map.of("type", item.path("type").asText(), "value", item.path("value").asText()));
            }
        });
        drawn(who, account, position, model);
        if (items.isEmpty()) {
            model.addAttribute("nothingTicked", true);
            return "portal/member/drawn-items";
        }
        model.addAttribute("report", api.view(api.send(who, HttpMethod.POST, "/api/acted-on", Map.of("items", items),
                requestKey)));
        return "portal/member/drawn-items";
    }

    private JsonNode drawnItems(SignedIn who, String account, long position) {
        return api.get(who, "/api/accounts/" + account + "/statement/" + position + "/items",
                Map.of("limit", 1000)).path("items");
    }

    /** What one withdrawal delivered, as a file: {@code csv} or a STIX bundle ({@code stix}). */
    @GetMapping("/draws/{position}/{format:csv|stix}")
    ResponseEntity<byte[]> drawn(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") String account,
                                 @PathVariable long position, @PathVariable String format) {
        return passedOn(api.download(who, "/api/accounts/" + account + "/statement/" + position + "/items",
                Map.of("format", format, "limit", 1000)));
    }

    @GetMapping("/acted-on")
    String actedOn(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") String account,
                   @RequestParam(defaultValue = "-1") long after, Model model) {
        JsonNode page = api.get(who, "/api/accounts/" + account + "/acted-on", Map.of("after", after, "limit", PAGE));
        model.addAttribute("actedOn", api.view(page));
        JsonNode items = page.path("items");
        model.addAttribute("next", items.size() == PAGE ? items.get(items.size() - 1).path("number").asLong() : null);
        return "portal/member/acted-on";
    }

    /** Every line since {@code query}'s start, a page at a time, as the API pages them. */
    private List<JsonNode> lines(SignedIn who, String account, Map<String, ?> query) {
        List<JsonNode> lines = new ArrayList<>();
        long after = -1;
        while (true) {
            Map<String, Object> page = new LinkedHashMap<>(query);
            page.put("after", after);
            page.put("limit", 1000);
            JsonNode answer = api.get(who, "/api/accounts/" + account + "/statement", page).path("lines");
            answer.forEach(lines::add);
            if (answer.size() < 1000) {
                return lines;
            }
            after = answer.get(answer.size() - 1).path("position").asLong();
        }
    }

    private JsonNode json(List<JsonNode> nodes) {
        return new com.fasterxml.jackson.databind.node.ArrayNode(
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance, new ArrayList<>(nodes));
    }

    static ResponseEntity<byte[]> passedOn(ResponseEntity<byte[]> file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(file.getHeaders().getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM
                : file.getHeaders().getContentType());
        String disposition = file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
        if (disposition != null) {
            headers.set(HttpHeaders.CONTENT_DISPOSITION, disposition);
        }
        return ResponseEntity.ok().headers(headers).body(file.getBody());
    }

    static String requestKey() {
        return "portal-" + UUID.randomUUID();
    }
}
