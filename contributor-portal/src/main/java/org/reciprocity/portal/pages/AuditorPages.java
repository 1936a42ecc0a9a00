package org.reciprocity.portal.pages;

import com.fasterxml.jackson.databind.JsonNode;
import org.reciprocity.portal.security.SignedIn;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An auditor's pages: verifications, replays and reports started as the API's jobs and followed as they run, their
 * findings, and each participant's history with its refused attempts.
 */
@Controller
@RequestMapping("/portal/audit")
class AuditorPages {

    static final int PAGE = 100;
    /** The jobs an auditor starts here, as the API names them: verifications, replays, reports. */
    static final List<String> JOBS = List.of("verifications", "replays", "reports");

    private final PortalApi api;

    AuditorPages(PortalApi api) {
        this.api = api;
    }

    @GetMapping
    String overview(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("jobs", AnswerView.of(api.get(who, "/api/audit/jobs", Map.of())));
        List<String> accounts = new ArrayList<>();
        api.get(who, "/api/participants", Map.of()).forEach(participant -> {
            String kind = participant.path("kind").asText();
            if (kind.equals("firm") || kind.equals("agency")) {
                accounts.add(participant.path("id").asText());
            }
        });
        api.get(who, "/api/pools", Map.of()).forEach(pool -> accounts.add(pool.path("id").asText()));
        model.addAttribute("accounts", accounts.stream().sorted().toList());
        return "portal/audit/overview";
    }

    /**
     * Starts a job; its page follows it. A replay or report may be limited to one account and a span of time, as
     * the API allows.
     */
    @PostMapping("/{kind:verifications|replays|reports}")
    String start(@AuthenticationPrincipal SignedIn who, @PathVariable String kind,
                 @RequestParam(required = false) String account, @RequestParam(required = false) String from,
                 @RequestParam(required = false) String until) {
        Map<String, Object> scope = new LinkedHashMap<>();
        if (!kind.equals("verifications")) {
            scope.put("account", account == null || account.isBlank() ? null : account);
            scope.put("from", Forms.dayStart(from));
            // The state as of the end of the day chosen: that day's events included.
            scope.put("until", Forms.dayEnd(until));
            scope.values().removeIf(Objects::isNull);
        }
        JsonNode job = api.send(who, HttpMethod.POST, "/api/audit/" + kind, scope, null);
        return "redirect:/portal/audit/jobs/" + job.path("id").asText();
    }

    @GetMapping("/jobs/{id}")
    String job(@AuthenticationPrincipal SignedIn who, @PathVariable UUID id, Model model) {
        model.addAttribute("job", AnswerView.of(api.get(who, PortalApi.path("/api/audit/jobs/{id}", id), Map.of())));
        return "portal/audit/job";
    }

    /** What the job page's script polls for its progress bar: the job without its result. */
    @GetMapping(value = "/jobs/{id}/progress", produces = "application/json")
    @ResponseBody
    Map<String, Object> progress(@AuthenticationPrincipal SignedIn who, @PathVariable UUID id) {
        JsonNode job = api.get(who, PortalApi.path("/api/audit/jobs/{id}", id), Map.of());
        Map<String, Object> progress = new LinkedHashMap<>();
        progress.put("state", job.path("state").asText());
        progress.put("percent", job.path("percent").isNumber() ? job.path("percent").asInt() : null);
        progress.put("position", job.path("position").asLong());
        progress.put("lastPosition", job.path("lastPosition").asLong());
        return progress;
    }

    @GetMapping("/jobs/{id}/result.json")
    ResponseEntity<byte[]> resultJson(@AuthenticationPrincipal SignedIn who, @PathVariable UUID id) {
        return Forms.file(api.download(who, PortalApi.path("/api/audit/jobs/{id}", id), Map.of()),
                "audit-" + id + ".json");
    }

    @GetMapping("/jobs/{id}/report.html")
    ResponseEntity<byte[]> reportHtml(@AuthenticationPrincipal SignedIn who, @PathVariable UUID id) {
        return Forms.file(api.download(who, PortalApi.path("/api/audit/jobs/{id}/report.html", id), Map.of()),
                "audit-report-" + id + ".html");
    }

    @GetMapping("/participants")
    String participants(@AuthenticationPrincipal SignedIn who, Model model) {
        model.addAttribute("participants", AnswerView.of(api.get(who, "/api/participants", Map.of())));
        return "portal/audit/participants";
    }

    /** A participant's events in the order they happened, its refused attempts marked, a page at a time. */
    @GetMapping("/participants/{id}")
    String timeline(@AuthenticationPrincipal SignedIn who, @PathVariable String id,
                    @RequestParam(required = false) Long after, Model model) {
        JsonNode page = api.get(who, "/api/audit/events", query(id, after));
        model.addAttribute("participant", AnswerView.of(api.get(who, PortalApi.path("/api/participants/{id}", id), Map.of())));
        model.addAttribute("events", events(page.path("events")));
        model.addAttribute("next", page.path("next").isNumber() ? page.path("next").asLong() : null);
        model.addAttribute("refused", refused(who, id));
        return "portal/audit/timeline";
    }

    /**
     * The attempts the participant made that were refused, each with what it would have cost, from the statement of
     * the account it draws on: its own, or its pool's, where its members' refusals are with everyone else's.
     * Participants without an account (auditors, operators) have none.
     */
    private List<Object> refused(SignedIn who, String participant) {
        String account = participant;
        for (JsonNode pool : api.get(who, "/api/pools", Map.of())) {
            for (JsonNode member : pool.path("members")) {
                if (member.asText().equals(participant)) {
                    account = pool.path("id").asText();
                }
            }
        }
        JsonNode lines;
        try {
            lines = api.get(who, PortalApi.path("/api/accounts/{id}/statement", account),
                    Map.of("kind", "REFUSAL", "limit", PAGE)).path("lines");
        } catch (ApiRefusal noAccount) {
            if (noAccount.status() == 404) {
                return List.of();
            }
            throw noAccount;
        }
        List<Object> refused = new ArrayList<>();
        lines.forEach(line -> {
            if (line.path("participantId").asText().equals(participant)) {
                refused.add(AnswerView.of(line));
            }
        });
        return refused;
    }

    /** Each event for the page, its payload as the JSON it was recorded as. */
    private List<Object> events(JsonNode events) {
        List<Object> shown = new ArrayList<>();
        events.forEach(event -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> view = (Map<String, Object>) AnswerView.of(event);
            view.put("payload", event.path("payload").toPrettyString());
            shown.add(view);
        });
        return shown;
    }

    private static Map<String, Object> query(String participant, Long after) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("participant", participant);
        query.put("limit", PAGE);
        query.put("after", after);
        return query;
    }
}
