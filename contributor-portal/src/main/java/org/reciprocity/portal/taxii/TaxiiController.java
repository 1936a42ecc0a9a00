package org.reciprocity.portal.taxii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.reciprocity.core.account.RequestKeys;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.membership.PoolMemberships;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyBook;
import org.reciprocity.core.withdrawal.DeliveredItem;
import org.reciprocity.core.withdrawal.DrawCriteria;
import org.reciprocity.core.withdrawal.OfferedItem;
import org.reciprocity.core.withdrawal.QuotaExceededException;
import org.reciprocity.core.withdrawal.WithdrawItems;
import org.reciprocity.core.withdrawal.WithdrawalReceipt;
import org.reciprocity.ledger.account.AccountSummary;
import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.FindBalance;
import org.reciprocity.ledger.catalogue.FindPoolPage;
import org.reciprocity.ledger.catalogue.PoolItem;
import org.reciprocity.ledger.catalogue.PoolPage;
import org.reciprocity.portal.idempotency.RequestKeyHeader;
import org.reciprocity.portal.problem.InvalidRequestException;
import org.reciprocity.portal.problem.NotFoundException;
import org.reciprocity.portal.security.Member;
import org.reciprocity.portal.stix.StixContributions;
import org.reciprocity.portal.stix.StixIndicators;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The shared pool as a TAXII 2.1 server: one API root ({@code /taxii2/pool/}) with one collection, the pool. Reading
 * its objects is drawing from the pool: every object a page delivers is a withdrawal through the ledger, charged by
 * the same rules (never twice for one item, never for one's own), and a page ends where the balance does.
 * <p>
 * Objects are the pool's items as STIX indicators, in pool order. {@code date_added} is when the item became
 * drawable, never decreasing along the pool; {@code next} is the pool position of a page's last object, so paging is
 * exact however many objects share a date and whatever is added between pages.
 */
@RestController
@RequestMapping(path = Taxii.ROOT, produces = Taxii.MEDIA_TYPE)
@Tag(name = "TAXII 2.1", description = "The shared pool for STIX/TAXII clients (firms and agencies)")
class TaxiiController {

    /** The shared pool's collection: the same id on every exchange, so that a client's configuration is portable. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String DATE_ADDED_FIRST = "X-TAXII-Date-Added-First";
    private static final String DATE_ADDED_LAST = "X-TAXII-Date-Added-Last";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final PoolMemberships memberships;
    private final StixContributions contributions;
    private final TaxiiStatuses statuses;
    private final PolicyBook policies;
    private final Clock clock;
    private final long maxContentLength;

    TaxiiController(QueryGateway queries, CommandGateway commands, PoolMemberships memberships,
                    StixContributions contributions, TaxiiStatuses statuses, PolicyBook policies, Clock clock,
                    @Value("${exchange.http.max-request-size}") DataSize maxContentLength) {
        this.queries = queries;
        this.commands = commands;
        this.memberships = memberships;
        this.contributions = contributions;
        this.statuses = statuses;
        this.policies = policies;
        this.clock = clock;
        this.maxContentLength = maxContentLength.toBytes();
    }

    @GetMapping({"", "/"})
    @Operation(summary = "TAXII discovery")
    ObjectNode discovery() {
        ObjectNode discovery = JSON.objectNode().put("title", "Reciprocity Exchange")
                .put("description", "The shared pool of threat telemetry, metered by reciprocity")
                .put("default", Taxii.ROOT + "/pool/");
        discovery.putArray("api_roots").add(Taxii.ROOT + "/pool/");
        return discovery;
    }

    @GetMapping({"/pool", "/pool/"})
    @Operation(summary = "The API root")
    ObjectNode apiRoot() {
        ObjectNode root = JSON.objectNode().put("title", "The shared pool")
                .put("description", "Reading objects draws from the pool and costs credit; adding objects contributes "
                        + "and earns it")
                .put("max_content_length", maxContentLength);
        root.putArray("versions").add(Taxii.MEDIA_TYPE);
        return root;
    }

    @GetMapping({"/pool/collections", "/pool/collections/"})
    @Operation(summary = "The collections: the shared pool")
    ObjectNode collections() {
        ObjectNode collections = JSON.objectNode();
        collections.putArray("collections").add(collection());
        return collections;
    }

    @GetMapping({"/pool/collections/{id}", "/pool/collections/{id}/"})
    @Operation(summary = "The shared pool's collection")
    ObjectNode collection(@PathVariable String id) {
        requireCollection(id);
        return collection();
    }

    @GetMapping({"/pool/collections/{id}/objects", "/pool/collections/{id}/objects/"})
    @Operation(summary = "Draw objects from the pool, in pool order",
            description = "Each object delivered is charged as a withdrawal, unless received before or contributed "
                    + "by the caller; a page ends where the balance does ('more' stays true). Nothing covered at all: "
                    + "a TAXII error, status 409.")
    ResponseEntity<ObjectNode> objects(@AuthenticationPrincipal Member member, @PathVariable String id,
                                       @RequestParam(name = "added_after", required = false) String addedAfter,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String next,
                                       @RequestParam(name = "match[id]", required = false) String ids,
                                       @RequestParam(name = "match[type]", required = false) String types,
                                       @RequestParam(name = "match[spec_version]", required = false) String versions)
            throws QuotaExceededException {
        requireCollection(id);
        Drawer drawer = drawer(member);
        // Asking for objects by id must cost what drawing them costs: one who cannot pay sees only what it holds.
        PoolPage page = page(addedAfter, limit, next, ids, types, versions,
                ids != null && !drawer.canPay() ? drawer.holder() : null);
        if (page.items().isEmpty()) {
            return ResponseEntity.ok(JSON.objectNode().put("more", false));
        }
        List<PoolItem> delivered = draw(drawer, page.items(), next);
        boolean more = page.more() || delivered.size() < page.items().size();
        ObjectNode envelope = JSON.objectNode().put("more", more);
        if (more) {
            envelope.put("next", String.valueOf(delivered.get(delivered.size() - 1).position()));
        }
        ArrayNode objects = envelope.putArray("objects");
        delivered.forEach(item -> objects.add(StixIndicators.of(item)));
        return withDatesAdded(delivered, envelope);
    }

    @GetMapping({"/pool/collections/{id}/objects/{objectId}", "/pool/collections/{id}/objects/{objectId}/"})
    @Operation(summary = "Draw one object by its id")
    ResponseEntity<ObjectNode> object(@AuthenticationPrincipal Member member, @PathVariable String id,
                                      @PathVariable String objectId) throws QuotaExceededException {
        requireCollection(id);
        Drawer drawer = drawer(member);
        PoolPage page = queries.query(new FindPoolPage(null, null, List.of(objectItemId(objectId)),
                drawer.canPay() ? null : drawer.holder(), 1), PoolPage.class).join();
        if (page.items().isEmpty()) {
            throw new NotFoundException("no object " + objectId + " in the shared pool that you may draw");
        }
        List<PoolItem> delivered = draw(drawer, page.items(), null);
        ObjectNode envelope = JSON.objectNode().put("more", false);
        delivered.forEach(item -> envelope.withArray("objects").add(StixIndicators.of(item)));
        return withDatesAdded(delivered, envelope);
    }

    @GetMapping({"/pool/collections/{id}/objects/{objectId}/versions",
            "/pool/collections/{id}/objects/{objectId}/versions/"})
    @Operation(summary = "The versions of an object you received or contributed: the exchange serves its latest")
    ResponseEntity<ObjectNode> versions(@AuthenticationPrincipal Member member, @PathVariable String id,
                                        @PathVariable String objectId) {
        requireCollection(id);
        PoolPage page = queries.query(new FindPoolPage(null, null, List.of(objectItemId(objectId)), holder(member),
                1), PoolPage.class).join();
        if (page.items().isEmpty()) {
            throw new NotFoundException("no object " + objectId + " among those you received or contributed");
        }
        ObjectNode versions = JSON.objectNode().put("more", false);
        versions.putArray("versions").add(StixIndicators.timestamp(page.items().get(0).modifiedAt()));
        return withDatesAdded(page.items(), versions);
    }

    @GetMapping({"/pool/collections/{id}/manifest", "/pool/collections/{id}/manifest/"})
    @Operation(summary = "The objects you received or contributed, without their content: not charged",
            description = "Not the whole pool: listing it free would tell anyone, for nothing, whether the pool "
                    + "holds a value they can guess (an object's id follows from its value).")
    ResponseEntity<ObjectNode> manifest(@AuthenticationPrincipal Member member, @PathVariable String id,
                                        @RequestParam(name = "added_after", required = false) String addedAfter,
                                        @RequestParam(required = false) Integer limit,
                                        @RequestParam(required = false) String next,
                                        @RequestParam(name = "match[id]", required = false) String ids,
                                        @RequestParam(name = "match[type]", required = false) String types,
                                        @RequestParam(name = "match[spec_version]", required = false) String versions) {
        requireCollection(id);
        PoolPage page = page(addedAfter, limit, next, ids, types, versions, holder(member));
        ObjectNode manifest = JSON.objectNode().put("more", page.more());
        if (page.items().isEmpty()) {
            return ResponseEntity.ok(manifest);
        }
        if (page.more()) {
            manifest.put("next", String.valueOf(page.items().get(page.items().size() - 1).position()));
        }
        ArrayNode records = manifest.putArray("objects");
        for (PoolItem item : page.items()) {
            String added = StixIndicators.timestamp(item.sharedAt());
            records.addObject().put("id", StixIndicators.idOf(item.item())).put("date_added", added)
                    .put("version", StixIndicators.timestamp(item.modifiedAt()))
                    .put("media_type", StixContributions.STIX_MEDIA_TYPE);
        }
        return withDatesAdded(page.items(), manifest);
    }

    @PostMapping(path = {"/pool/collections/{id}/objects", "/pool/collections/{id}/objects/"},
            consumes = {Taxii.MEDIA_TYPE, StixContributions.STIX_MEDIA_TYPE, MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "Add objects: one contribution",
            description = "A TAXII envelope ({\"objects\": [...]}) or a STIX bundle, read as a STIX contribution. "
                    + "The same envelope sent again is counted once. Answers 202 with a status, complete at once.")
    ResponseEntity<ObjectNode> add(@AuthenticationPrincipal Member member, @PathVariable String id,
                                   @RequestHeader(name = RequestKeyHeader.NAME, required = false) String requestKey,
                                   @RequestBody JsonNode body) {
        requireCollection(id);
        ObjectNode bundle = asBundle(body);
        Instant received = clock.instant();
        ContributionReceipt receipt = contributions.contribute(member.participantId(), requestKey, bundle);
        ObjectNode status = JSON.objectNode().put("id", receipt.contributionId().toString())
                .put("status", "complete").put("request_timestamp", StixIndicators.timestamp(received));
        int total = bundle.path("objects").size();
        status.put("total_count", total).put("success_count", total).put("failure_count", 0)
                .put("pending_count", 0);
        ArrayNode successes = status.putArray("successes");
        // An object's version is its modified time; observables have none, and are versioned as received.
        bundle.path("objects").forEach(object -> successes.addObject().put("id", object.path("id").asText())
                .put("version", object.path("modified").asText(StixIndicators.timestamp(received))));
        statuses.keep(receipt.contributionId().toString(), member.participantId(), received, status);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(status);
    }

    @GetMapping({"/pool/status/{statusId}", "/pool/status/{statusId}/"})
    @Operation(summary = "The status of objects added")
    JsonNode status(@AuthenticationPrincipal Member member, @PathVariable String statusId) {
        return statuses.find(statusId, member.participantId())
                .orElseThrow(() -> new NotFoundException("no status " + statusId + " for this participant"));
    }

    /** Who draws: the participant, the account it draws on, and what the ledger last knew of that account. */
    private record Drawer(Member member, FindPoolPage.Holder holder, AccountSummary account, Credit costPerItem) {

        boolean canPay() {
            return !costPerItem.exceeds(account.availableNow());
        }
    }

    private Drawer drawer(Member member) {
        FindPoolPage.Holder holder = holder(member);
        AccountSummary account = queries.query(new FindBalance(holder.accountId(), clock.instant()),
                AccountSummary.class).join();
        return new Drawer(member, holder, account, policies.inForceAt(clock.instant()).rules().costPerItem());
    }

    private FindPoolPage.Holder holder(Member member) {
        return new FindPoolPage.Holder(member.participantId(), memberships.accountOf(member.participantId()));
    }

    /**
     * The page's items delivered as one withdrawal: the run of them, from the first, that the balance covers. The
     * request key names the page and the account's credit as the ledger knows it: the same page asked again with
     * nothing earned, granted, spent or expired since gets the first answer (a refusal included, recorded once, so
     * that a feed polling an empty account does not fill the history); once the credit has moved, it is a new
     * withdrawal, charging nothing for what was delivered before.
     */
    private List<PoolItem> draw(Drawer drawer, List<PoolItem> items, String next) throws QuotaExceededException {
        List<OfferedItem> offered = items.stream().map(item -> new OfferedItem(item.item(), item.corroborations(),
                item.position())).toList();
        DrawCriteria criteria = new DrawCriteria(List.of(), null, next == null ? null : Long.valueOf(next),
                items.size());
        Balance credit = drawer.account().balance();
        String key = "taxii-" + RequestKeys.fingerprint(drawer.member().participantId() + "\n" + credit.earned() + "/"
                + credit.granted() + "/" + credit.spent() + "/" + credit.expired() + "/" + credit.withdrawals() + "\n"
                + items.stream()
                .map(item -> String.valueOf(item.position())).collect(Collectors.joining(","))).substring(0, 48);
        WithdrawalReceipt receipt;
        try {
            receipt = commands.sendAndWait(new WithdrawItems(drawer.holder().accountId(),
                    drawer.member().participantId(), key, criteria, offered, items.get(items.size() - 1).position(),
                    true));
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof QuotaExceededException refused) {
                throw refused;
            }
            throw e;
        }
        List<DeliveredItem> delivered = receipt.items();
        return items.subList(0, delivered.size());
    }

    private PoolPage page(String addedAfter, Integer limit, String next, String ids, String types,
                          String versions, FindPoolPage.Holder holder) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1) {
            throw InvalidRequestException.of("limit", "limit is 1 or more; got " + size);
        }
        size = Math.min(size, MAX_LIMIT);
        Long after = null;
        if (next != null) {
            try {
                after = Long.valueOf(next);
            } catch (NumberFormatException e) {
                throw InvalidRequestException.of("next", "next is the value of an earlier page's 'next'; got '"
                        + next + "'");
            }
        }
        // Every object is an indicator of STIX 2.1: a filter that rules those out leaves nothing.
        if ((types != null && !listOf(types).contains("indicator"))
                || (versions != null && !listOf(versions).contains("2.1"))) {
            return new PoolPage(List.of(), false);
        }
        // Ids of other types than indicators match nothing.
        List<UUID> itemIds = ids == null ? null : listOf(ids).stream().map(TaxiiController::itemId)
                .flatMap(Optional::stream).toList();
        return queries.query(new FindPoolPage(after, instant("added_after", addedAfter), itemIds, holder, size),
                PoolPage.class).join();
    }

    /** The envelope's objects as a bundle, as the STIX reader takes it; a bundle stays as it is. */
    private static ObjectNode asBundle(JsonNode body) {
        if (body.isObject() && "bundle".equals(body.path("type").asText())) {
            return (ObjectNode) body;
        }
        if (!body.isObject() || !body.path("objects").isArray()) {
            throw InvalidRequestException.of("objects", "a TAXII envelope is {\"objects\": [...]}");
        }
        // An envelope names no bundle: the bundle's id is derived from its content, so the same envelope sent twice
        // is the same contribution.
        ObjectNode bundle = JSON.objectNode().put("type", "bundle").put("id", "bundle--"
                + UUID.nameUUIDFromBytes(body.path("objects").toString().getBytes(StandardCharsets.UTF_8)));
        bundle.set("objects", body.path("objects"));
        return bundle;
    }

    private static ResponseEntity<ObjectNode> withDatesAdded(List<PoolItem> items, ObjectNode body) {
        return ResponseEntity.ok()
                .header(DATE_ADDED_FIRST, StixIndicators.timestamp(items.get(0).sharedAt()))
                .header(DATE_ADDED_LAST, StixIndicators.timestamp(items.get(items.size() - 1).sharedAt()))
                .body(body);
    }

    private static ObjectNode collection() {
        ObjectNode collection = JSON.objectNode().put("id", Taxii.POOL_COLLECTION).put("title", "Shared pool")
                .put("description", "Every item the exchange's members shared (TLP CLEAR, GREEN and AMBER), as STIX "
                        + "indicators; reading costs credit, adding earns it")
                .put("can_read", true).put("can_write", true);
        collection.putArray("media_types").add(StixContributions.STIX_MEDIA_TYPE);
        return collection;
    }

    private static void requireCollection(String id) {
        if (!Taxii.POOL_COLLECTION.equals(id)) {
            throw new NotFoundException("no collection " + id + ": the shared pool is " + Taxii.POOL_COLLECTION);
        }
    }

    /** The item an object id names, if it names one: the pool's objects are indicators. */
    private static Optional<UUID> itemId(String objectId) {
        String prefix = "indicator--";
        if (!objectId.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(objectId.substring(prefix.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static UUID objectItemId(String objectId) {
        return itemId(objectId).orElseThrow(() -> new NotFoundException("no object " + objectId + " in the shared "
                + "pool: its objects are indicators, 'indicator--<uuid>'"));
    }

    private static Instant instant(String field, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(field, field + " is a timestamp such as 2026-11-23T08:00:00.000Z; got '"
                    + text + "'");
        }
    }

    private static List<String> listOf(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(value -> !value.isEmpty()).toList();
    }
}
