package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.http.HttpMethod;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a member drew, and what it did with it: each withdrawal with its items, as files for its platform, the items
 * it acted on or saw reported as such; and the other way round, what others acted on and saw of what it contributed.
 */
@Controller
@RequestMapping("/portal/member")
class DrawnPages {

    static final int PAGE = 50;
    static final int ITEMS_PAGE = 1000;

    private final PortalApi api;
    private final Clock clock;

    DrawnPages(PortalApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @GetMapping("/draws")
    String draws(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") MemberAccount account,
                 @RequestParam(defaultValue = "-1") long after, Model model) {
        JsonNode lines = api.get(who, account.path() + "/statement",
                Map.of("kind", "DEBIT", "after", after, "limit", PAGE)).path("lines");
        model.addAttribute("lines", AnswerView.of(lines));
        model.addAttribute("next", lines.size() == PAGE ? lines.get(lines.size() - 1).path("position").asLong()
                : null);
        return "portal/member/draws";
    }

    /** What one withdrawal delivered, a page of items at a time, each to tick as acted on. */
    @GetMapping("/draws/{position}")
    String items(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") MemberAccount account,
                 @PathVariable long position, @RequestParam(defaultValue = "-1") int after, Model model) {
        return shown(items(who, account, position, after), position, after, model);
    }

    /**
     * Reports the ticked items as acted on: each earns whoever contributed it the policy's bonus. The items are
     * those the API lists for the withdrawal, picked by their place in it, so that the form can name no other.
     */
    @PostMapping("/draws/{position}/acted-on")
    String report(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") MemberAccount account,
                  @PathVariable long position, @RequestParam(defaultValue = "-1") int after,
                  @RequestParam(name = "acted", required = false) List<Integer> acted,
                  @RequestParam String requestKey, Model model) {
        JsonNode items = items(who, account, position, after);
        List<Map<String, Object>> reported = ticked(items, acted, Map.of());
        if (reported.isEmpty()) {
            model.addAttribute("nothingTicked", true);
        } else {
            model.addAttribute("report", AnswerView.of(api.send(who, HttpMethod.POST, "/api/acted-on",
                    Map.of("items", reported), requestKey)));
        }
        return shown(items, position, after, model);
    }

    /**
     * Reports the ticked items as seen in the member's own systems, now: each earns whoever contributed it the
     * policy's sighting bonus, and raises the confidence the pool serves it with.
     */
    @PostMapping("/draws/{position}/sighted")
    String sighted(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") MemberAccount account,
                   @PathVariable long position, @RequestParam(defaultValue = "-1") int after,
                   @RequestParam(name = "acted", required = false) List<Integer> ticked,
                   @RequestParam String requestKey, Model model) {
        JsonNode items = items(who, account, position, after);
        List<Map<String, Object>> seen = ticked(items, ticked, Map.of("firstSeen", clock.instant().toString()));
        if (seen.isEmpty()) {
            model.addAttribute("nothingTicked", true);
        } else {
            model.addAttribute("sightings", AnswerView.of(api.send(who, HttpMethod.POST, "/api/sightings",
                    Map.of("sightings", seen), requestKey)));
        }
        return shown(items, position, after, model);
    }

    /**
     * Reports the ticked items as false positives, with the one reason the member gave for all of them: once
     * consumers on enough accounts agree, an item leaves the pool, its credit is clawed back and its charges refunded.
     */
    @PostMapping("/draws/{position}/false")
    String reportedFalse(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") MemberAccount account,
                         @PathVariable long position, @RequestParam(defaultValue = "-1") int after,
                         @RequestParam(name = "acted", required = false) List<Integer> ticked,
                         @RequestParam(required = false) String reason, @RequestParam String requestKey,
                         Model model) {
        JsonNode items = items(who, account, position, after);
        String why = reason == null ? "" : reason.strip();
        List<Map<String, Object>> reported = ticked(items, ticked, Map.of("reason", why));
        if (reported.isEmpty()) {
            model.addAttribute("nothingTicked", true);
        } else if (why.isEmpty()) {
            model.addAttribute("noReason", true);
        } else {
            model.addAttribute("falsePositives", AnswerView.of(api.send(who, HttpMethod.POST,
                    "/api/false-positives", Map.of("items", reported), requestKey)));
        }
        return shown(items, position, after, model);
    }

    /** The items of the page the form ticked, by their place in the withdrawal, each with the fields given. */
    private static List<Map<String, Object>> ticked(JsonNode items, List<Integer> ticked, Map<String, Object> with) {
        List<Map<String, Object>> named = new ArrayList<>();
        items.forEach(item -> {
            if (ticked != null && ticked.contains(item.path("ordinal").asInt()) && item.path("value").isTextual()) {
                Map<String, Object> entry = new LinkedHashMap<>(Map.of("type", item.path("type").asText(),
                        "value", item.path("value").asText()));
                entry.putAll(with);
                named.add(entry);
            }
        });
        return named;
    }

    /** A page of a withdrawal's items, with a fresh request key for the report it may send. */
    private static String shown(JsonNode items, long position, int after, Model model) {
        model.addAttribute("position", position);
        model.addAttribute("items", AnswerView.of(items));
        model.addAttribute("after", after);
        model.addAttribute("next", items.size() == ITEMS_PAGE ? items.get(items.size() - 1).path("ordinal").asInt()
                : null);
        model.addAttribute("requestKey", Forms.requestKey());
        return "portal/member/drawn-items";
    }

    /** What one withdrawal delivered, whole, as a file: {@code csv}, or a STIX 2.1 bundle ({@code stix}). */
    @GetMapping("/draws/{position}/{format:csv|stix}")
    ResponseEntity<byte[]> file(@AuthenticationPrincipal SignedIn who,
                                @ModelAttribute("account") MemberAccount account, @PathVariable long position,
                                @PathVariable String format) {
        return Forms.file(api.download(who, account.path() + PortalApi.path("/statement/{position}/items", position),
                Map.of("format", format)), "withdrawal-" + position + "." + (format.equals("csv") ? "csv" : "json"));
    }

    @GetMapping("/acted-on")
    String actedOn(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") MemberAccount account,
                   @RequestParam(defaultValue = "-1") long after, Model model) {
        JsonNode page = api.get(who, account.path() + "/acted-on", Map.of("after", after, "limit", PAGE));
        model.addAttribute("actedOn", AnswerView.of(page));
        JsonNode items = page.path("items");
        model.addAttribute("next", items.size() == PAGE ? items.get(items.size() - 1).path("number").asLong() : null);
        return "portal/member/acted-on";
    }

    @GetMapping("/sightings")
    String sightings(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") MemberAccount account,
                     @RequestParam(defaultValue = "-1") long after, Model model) {
        JsonNode page = api.get(who, account.path() + "/sightings", Map.of("after", after, "limit", PAGE));
        model.addAttribute("sighted", AnswerView.of(page));
        JsonNode items = page.path("items");
        model.addAttribute("next", items.size() == PAGE ? items.get(items.size() - 1).path("number").asLong() : null);
        return "portal/member/sightings";
    }

    @GetMapping("/false-positives")
    String falsePositives(@AuthenticationPrincipal SignedIn who, @ModelAttribute("account") MemberAccount account,
                          @RequestParam(defaultValue = "-1") long after, Model model) {
        JsonNode page = api.get(who, account.path() + "/false-positives", Map.of("after", after, "limit", PAGE));
        model.addAttribute("reported", AnswerView.of(page));
        JsonNode items = page.path("items");
        model.addAttribute("next", items.size() == PAGE ? items.get(items.size() - 1).path("number").asLong() : null);
        return "portal/member/false-positives";
    }

    private JsonNode items(SignedIn who, MemberAccount account, long position, int after) {
        return api.get(who, account.path() + PortalApi.path("/statement/{position}/items", position),
                Map.of("after", after, "limit", ITEMS_PAGE)).path("items");
    }
}
