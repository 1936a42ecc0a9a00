package org.reciprocity.portal;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.reciprocity.core.account.GrantCredit;
import org.reciprocity.core.account.GrantReceipt;
import org.reciprocity.core.contact.ConfirmContacts;
import org.reciprocity.core.contact.ContactsReceipt;
import org.reciprocity.core.contact.IncidentContacts;
import org.reciprocity.core.contact.PublishContacts;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.contribution.ContributionPreview;
import org.reciprocity.core.contribution.ContributionReceipt;
import org.reciprocity.core.contribution.PreviewContribution;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.BonusCause;
import org.reciprocity.core.event.Charge;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.DeliveredItem;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.DrawOrder;
import org.reciprocity.core.event.FalsePositive;
import org.reciprocity.core.event.FalsePositivesReported;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsRetracted;
import org.reciprocity.core.event.ItemsSighted;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.event.LotDraw;
import org.reciprocity.core.event.RevocationCause;
import org.reciprocity.core.event.Sighting;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.feedback.ActedOnReceipt;
import org.reciprocity.core.feedback.AwardBonus;
import org.reciprocity.core.feedback.FalsePositivesReceipt;
import org.reciprocity.core.feedback.ReportActedOn;
import org.reciprocity.core.feedback.ReportFalsePositives;
import org.reciprocity.core.feedback.ReportSightings;
import org.reciprocity.core.feedback.SightingsReceipt;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.MemberShare;
import org.reciprocity.core.kernel.Offer;
import org.reciprocity.core.kernel.OfferedItem;
import org.reciprocity.core.kernel.QualityRecord;
import org.reciprocity.core.membership.FormPool;
import org.reciprocity.core.membership.JoinPool;
import org.reciprocity.core.membership.LeavePool;
import org.reciprocity.core.participant.ChooseDisclosure;
import org.reciprocity.core.participant.IssueApiKey;
import org.reciprocity.core.participant.ParticipantKind;
import org.reciprocity.core.participant.ParticipantProfile;
import org.reciprocity.core.participant.RegisterParticipant;
import org.reciprocity.core.participant.ReinstateParticipant;
import org.reciprocity.core.participant.ReissueApiKey;
import org.reciprocity.core.participant.RevokeApiKey;
import org.reciprocity.core.participant.SuspendParticipant;
import org.reciprocity.core.policy.ChangePolicy;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.PolicyRules;
import org.reciprocity.core.revocation.ClawBackCredit;
import org.reciprocity.core.revocation.RefundCharge;
import org.reciprocity.core.revocation.RetractItems;
import org.reciprocity.core.revocation.RetractionReceipt;
import org.reciprocity.core.revocation.WeighFalsePositive;
import org.reciprocity.core.sharing.AddSharingGroupMember;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Border;
import org.reciprocity.core.sharing.FormSharingGroup;
import org.reciprocity.core.sharing.Recipient;
import org.reciprocity.core.sharing.RemoveSharingGroupMember;
import org.reciprocity.core.testing.AxonServerWire;
import org.reciprocity.core.withdrawal.DrawPage;
import org.reciprocity.core.withdrawal.QuoteWithdrawal;
import org.reciprocity.core.withdrawal.WithdrawItems;
import org.reciprocity.core.withdrawal.WithdrawalQuote;
import org.reciprocity.ledger.account.AccountSummary;
import org.reciprocity.ledger.account.AllBalances;
import org.reciprocity.ledger.account.Balance;
import org.reciprocity.ledger.account.FindAllBalances;
import org.reciprocity.ledger.account.FindBalance;
import org.reciprocity.ledger.account.FindStatement;
import org.reciprocity.ledger.account.FindStatementItems;
import org.reciprocity.ledger.account.LedgerEntry;
import org.reciprocity.ledger.account.Statement;
import org.reciprocity.ledger.account.StatementFilter;
import org.reciprocity.ledger.account.StatementItem;
import org.reciprocity.ledger.account.StatementItems;
import org.reciprocity.ledger.account.StatementLine;
import org.reciprocity.ledger.catalogue.CatalogueItem;
import org.reciprocity.ledger.catalogue.CataloguePage;
import org.reciprocity.ledger.catalogue.DrawableItems;
import org.reciprocity.ledger.catalogue.FindCataloguePage;
import org.reciprocity.ledger.catalogue.FindDrawableItems;
import org.reciprocity.ledger.catalogue.FindHeldItems;
import org.reciprocity.ledger.catalogue.FindPoolBlocks;
import org.reciprocity.ledger.catalogue.HeldItems;
import org.reciprocity.ledger.catalogue.PoolBlocks;
import org.reciprocity.ledger.contact.ContactEntries;
import org.reciprocity.ledger.contact.ContactEntry;
import org.reciprocity.ledger.contact.ContactReader;
import org.reciprocity.ledger.contact.FindContact;
import org.reciprocity.ledger.contact.FindContacts;
import org.reciprocity.ledger.contact.FindStaleContacts;
import org.reciprocity.ledger.contact.StaleContact;
import org.reciprocity.ledger.contact.StaleContacts;
import org.reciprocity.ledger.context.CatalogueObject;
import org.reciprocity.ledger.context.ContextObjects;
import org.reciprocity.ledger.context.FindContextObjects;
import org.reciprocity.ledger.context.FindItemContext;
import org.reciprocity.ledger.context.FindItemsLinked;
import org.reciprocity.ledger.context.FindObjectVersions;
import org.reciprocity.ledger.context.FindSourceItems;
import org.reciprocity.ledger.context.IsCatalogued;
import org.reciprocity.ledger.context.ItemContext;
import org.reciprocity.ledger.context.ItemsLinked;
import org.reciprocity.ledger.context.SourceItems;
import org.reciprocity.ledger.feedback.ActedOnItem;
import org.reciprocity.ledger.feedback.ActedOnItems;
import org.reciprocity.ledger.feedback.FalsePositiveItem;
import org.reciprocity.ledger.feedback.FalsePositiveItems;
import org.reciprocity.ledger.feedback.FindActedOn;
import org.reciprocity.ledger.feedback.FindFalsePositives;
import org.reciprocity.ledger.feedback.FindSightings;
import org.reciprocity.ledger.feedback.SightedItem;
import org.reciprocity.ledger.feedback.SightedItems;
import org.reciprocity.ledger.quality.AccountQuality;
import org.reciprocity.ledger.quality.FindQuality;
import org.reciprocity.ledger.quality.QualityRecords;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What crosses Axon Server's bus between nodes (commands and their results, queries and their responses) is
 * serialised with the exchange's own serialiser and must read back as it was: no build machine runs Axon Server, so
 * this is where a message that cannot make the trip is caught. Every command and query the code handles must have an
 * example here; events are covered by every test that stores them.
 */
class BusMessagesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");
    private static final Item DOMAIN = new Item(ItemType.DOMAIN, "evil.example.com", 80, Tlp.AMBER_STRICT, T0, null,
            List.of("c2"));
    private static final Item IP = new Item(ItemType.IPV4, "203.0.113.7", null, Tlp.GREEN, null, null, null);
    private static final ContextObject REPORT = new ContextObject("report--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061",
            "report", T0, Tlp.GREEN, List.of("indicator--1d3b1c55-3f2c-4a5e-9c8a-7a1f0b5e2d40"), List.of(),
            List.of(), "{\"type\":\"report\",\"name\":\"Ops \\u00e9t\u00e9\"}",
            "identity--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0064");
    private static final Recipient READER = new Recipient("cert-my", "MY", Set.of("asean-certs"));
    private static final DrawCriteria CRITERIA = new DrawCriteria(List.of(ItemType.DOMAIN, ItemType.IPV4), T0, 7L, 10);
    private static final Offer OFFER = new Offer(List.of(new OfferedItem(DOMAIN, 2, 8L), new OfferedItem(IP, 0, 9L)),
            9L);
    private static final ParticipantProfile BANK = new ParticipantProfile("bank-a", ParticipantKind.FIRM, "Bank A",
            "financial-services", "SG");
    private static final IncidentContacts CONTACTS = new IncidentContacts("Bank A CSIRT", "csirt@bank-a.example",
            "+65 6211 0000", null, "24/7", "https://bank-a.example/security-policy");
    private static final Balance BALANCE = new Balance("cert-my", Credit.of(3), Credit.of(10), Credit.parse("2.5"),
            Credit.ZERO, Credit.parse("10.5"), 2, 3, 1, 42, T0);

    private static final List<Object> EXAMPLES = List.of(
            new ContributeItems("bank-a", "bank-a", "feed-1", List.of(DOMAIN, IP), List.of(REPORT),
                    new Audience(false, List.of("finance-sg"), List.of("cert-my"), Border.asean())),
            new ChooseDisclosure("bank-a", true),
            new ContributionReceipt(UUID.randomUUID(), "bank-a", "bank-a", "feed-1", 2, 1, 1, 0, 0, 0,
                    Credit.parse("1.15"), Credit.parse("1.15"), T0.plusSeconds(3600), T0.plusSeconds(600), Credit.ZERO,
                    1, 3,
                    List.of("report--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061")),
            new PreviewContribution("bank-a", "bank-a", List.of(DOMAIN, IP, IP), List.of(REPORT)),
            new ContributionPreview("bank-a", "bank-a", List.of(new ItemCredit(DOMAIN, CreditRule.NEW,
                    new BigDecimal("0.45"), Credit.parse("0.45"), 1), new ItemCredit(IP, CreditRule.CORROBORATION,
                    new BigDecimal("0.125"), Credit.parse("0.125"))), 1, Credit.parse("0.575"), Credit.parse("0.575"),
                    null, null, Credit.of(2), Credit.parse("2.575"), 1, 0, List.of(REPORT.id())),
            new WithdrawItems("cert-my", "cert-my", "pull-1", CRITERIA, OFFER, Coverage.WHOLE),
            new DrawPage("pool-p", "cert-my", CRITERIA, OFFER, Coverage.LONGEST_RUN),
            new QuoteWithdrawal("pool-p", "cert-my", OFFER),
            new WithdrawalQuote("pool-p", "cert-my", 2, 1, Credit.of(1), 1, 0, 0, Map.of("domain", 1, "ipv4", 1),
                    Credit.parse("1.5"), Credit.parse("0.5"), false, 9L, 1),
            new ItemsWithdrawn(UUID.randomUUID(), "cert-my", "cert-my", "pull-1", "f", CRITERIA,
                    List.of(new DeliveredItem(DOMAIN, 2, Charge.CHARGED), new DeliveredItem(IP, 0,
                            Charge.ALREADY_RECEIVED)), 9L, Credit.of(1), List.of(new LotDraw(UUID.randomUUID(),
                    Credit.of(1))), Credit.parse("9.5"), 1, T0),
            new WithdrawalRefused(UUID.randomUUID(), "cert-my", "cert-my", "pull-2", "f", CRITERIA, 2, 2, Credit.of(2),
                    Credit.parse("0.5"), 1, T0, Coverage.NAMED),
            new GrantCredit("cert-my", "grant-1", Credit.of(10), "National CERT programme", T0.plusSeconds(86_400),
                    "operator"),
            new GrantReceipt(UUID.randomUUID(), "cert-my", "grant-1", Credit.of(10), "National CERT programme", null,
                    Credit.of(10)),
            new ReportActedOn("cert-my", "cert-my", "acted-1", List.of(ItemRef.of(IP), ItemRef.of(DOMAIN))),
            new ActedOnReceipt(UUID.randomUUID(), "cert-my", "cert-my", "acted-1", 1,
                    List.of(new ActedOnReported.NotCounted(ItemRef.of(DOMAIN), ActedOnReported.Reason.NOT_RECEIVED))),
            new AwardBonus("bank-a", UUID.randomUUID(), ItemRef.of(IP), "cert-my", T0, BonusCause.ACTED_ON),
            new ReportSightings("cert-my", "cert-my", "seen-1", List.of(new Sighting(ItemRef.of(IP), T0,
                    T0.plusSeconds(60), 12))),
            new SightingsReceipt(UUID.randomUUID(), "cert-my", "cert-my", "seen-1", 1,
                    List.of(new ItemsSighted.NotCounted(Sighting.once(ItemRef.of(DOMAIN), T0),
                            ActedOnReported.Reason.OWN_CONTRIBUTION))),
            new ReportFalsePositives("cert-my", "cert-my", "false-1", List.of(new FalsePositive(ItemRef.of(DOMAIN),
                    "resolves to a shared CDN address"))),
            new FalsePositivesReceipt(UUID.randomUUID(), "cert-my", "cert-my", "false-1", 0,
                    List.of(new FalsePositivesReported.NotCounted(new FalsePositive(ItemRef.of(IP), "a sinkhole"),
                            ActedOnReported.Reason.REVOKED))),
            new WeighFalsePositive("bank-a", UUID.randomUUID(), ItemRef.of(DOMAIN), "pool-p", "cert-my"),
            new ClawBackCredit("bank-a", ItemRef.of(DOMAIN), UUID.randomUUID(), RevocationCause.FALSE_POSITIVE,
                    "bank-a"),
            new RefundCharge("pool-p", ItemRef.of(DOMAIN), UUID.randomUUID(), RevocationCause.FALSE_POSITIVE,
                    "cert-my"),
            new RetractItems("bank-a", "bank-a", "retract-1", List.of(ItemRef.of(DOMAIN), ItemRef.of(IP)),
                    "sent from our test feed by mistake"),
            new RetractionReceipt(UUID.randomUUID(), "bank-a", "bank-a", "retract-1", 1, 1,
                    List.of(new ItemsRetracted.NotRetracted(ItemRef.of(IP), ItemsRetracted.Reason.NOT_CONTRIBUTED))),
            new FindFalsePositives("bank-a", -1, 100),
            new FalsePositiveItems("bank-a", List.of(new FalsePositiveItem(41_270_000, "domain", "cdn.example.net",
                    T0, T0.plusSeconds(60), 2, "resolves to a shared CDN address", true, Credit.parse("0.9")))),
            new RegisterParticipant(BANK, "0a1b", "operator"),
            new IssueApiKey("bank-a", "ci-bot", "4e5f", T0.plusSeconds(86_400), "operator"),
            new ReissueApiKey("bank-a", "default", "2c3d", "operator", T0.plusSeconds(86_400), T0.plusSeconds(60)),
            new RevokeApiKey("bank-a", "default", "operator"),
            new SuspendParticipant("bank-a", "unpaid fees", "operator"),
            new ReinstateParticipant("bank-a", "operator"),
            new FormPool(new ParticipantProfile("pool-p", ParticipantKind.POOL, "Pool P", "government-local", "MY"),
                    List.of("bank-a", "telco-b"), "operator"),
            new JoinPool("pool-p", "cert-my", "operator"),
            new LeavePool("pool-p", "cert-my", "operator"),
            new FormSharingGroup("banks-sg", "Banks in Singapore", List.of("financial-services"), List.of("SG"),
                    List.of("cert-my"), "operator"),
            new AddSharingGroupMember("banks-sg", "bank-a", "operator"),
            new RemoveSharingGroupMember("banks-sg", "bank-a", "operator"),
            new ChangePolicy(1, PolicyRules.DEFAULT, T0.plusSeconds(600), "operator", "a cheaper price per item"),
            new FindBalance("cert-my", T0),
            new AccountSummary(BALANCE, Credit.parse("9.5"), Credit.of(1), List.of(new MemberShare("cert-my", Credit.of(3),
                    Credit.parse("2.5"), BigDecimal.ONE, Credit.parse("10.5")))),
            new FindStatement("cert-my", 0, 50, 42L, T0, new StatementFilter(Set.of(LedgerEntry.EntryType.DEBIT,
                    LedgerEntry.EntryType.REFUSAL), T0.minusSeconds(60), T0)),
            new Statement("cert-my", List.of(new StatementLine(41, T0, LedgerEntry.EntryType.DEBIT, "cert-my",
                    Credit.of(-1), Credit.of(1), Credit.parse("10.5"), LedgerEntry.Cause.WITHDRAWAL, UUID.randomUUID(),
                    "pull-1", 2, 1, null, null), new StatementLine(40, T0, LedgerEntry.EntryType.CREDIT, "cert-my",
                    Credit.of(1), Credit.of(1), Credit.parse("11.5"), LedgerEntry.Cause.CONTRIBUTION,
                    UUID.randomUUID(), "push-1", 1, 1, null, T0.plusSeconds(3600))), List.of()),
            new FindStatementItems("cert-my", 41, "cert-my", 0, 100),
            new StatementItems("cert-my", 41, List.of(new StatementItem(1, "domain", "evil.example.com", false,
                    "AMBER+STRICT", 80, List.of("c2"), "CHARGED", BigDecimal.ONE, Credit.of(1), false))),
            new FindAllBalances(),
            new AllBalances(List.of(BALANCE)),
            new FindCataloguePage(7L, T0, List.of(DOMAIN.id()), new FindCataloguePage.Holder("cert-my", "pool-p"),
                    READER, 100),
            new CataloguePage(List.of(new CatalogueItem(DOMAIN, 8, T0, 2, T0.plusSeconds(5))), true),
            new FindQuality("bank-a"),
            new FindQuality(null),
            new QualityRecords(List.of(new AccountQuality("bank-a", new QualityRecord(4, 2, 1, 2, 1, 1), T0))),
            new FindDrawableItems(CRITERIA, READER),
            new FindDrawableItems(new DrawCriteria(List.of(), null, null, 100, DrawOrder.SCORE), READER,
                    PolicyRules.DEFAULT, T0),
            new WithdrawItems("cert-my", "cert-my", "pull-3", new DrawCriteria(List.of(), T0, null, 2,
                    DrawOrder.SCORE), new Offer(List.of(new OfferedItem(IP, 0, 9L)), null, DrawOrder.SCORE),
                    Coverage.WHOLE),
            new ItemsWithdrawn(UUID.randomUUID(), "cert-my", "cert-my", "pull-3", "f", new DrawCriteria(List.of(),
                    null, null, 2, DrawOrder.SCORE), List.of(new DeliveredItem(IP, 0, Charge.CHARGED, false, false,
                    72.25)), null, Credit.of(1), List.of(), Credit.parse("8.5"), 1, T0),
            new DrawableItems(List.of(new CatalogueItem(IP, 9, T0, 0, T0))),
            new FindItemContext(List.of(IP.id()), 500),
            new ItemContext(Map.of(IP.id(), List.of(new ItemContext.LinkedObject(REPORT.id(), "report", "bank-a",
                    false)))),
            new FindContextObjects(List.of(REPORT.id())),
            new ContextObjects(List.of(new CatalogueObject(REPORT.id(), "report", T0, "bank-a", Tlp.GREEN, T0,
                    List.of("marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"), REPORT.content(), false))),
            new FindSourceItems(List.of(REPORT.id())),
            new SourceItems(Map.of(REPORT.id(), List.of(IP.id()))),
            new FindObjectVersions(REPORT.id()),
            new FindItemsLinked(REPORT.id(), 1000),
            new ItemsLinked(List.of(IP.id())),
            new IsCatalogued(UUID.randomUUID()),
            new FindPoolBlocks(500, READER),
            new FindHeldItems("cert-my"),
            new FindActedOn("bank-a", 70_000, 100),
            new ActedOnItems("bank-a", List.of(new ActedOnItem(70_001, "ipv4", "203.0.113.7", T0,
                    T0.plusSeconds(3600), 2, Credit.of(1)))),
            new FindSightings("bank-a", 70_000, 100),
            new SightedItems("bank-a", List.of(new SightedItem(70_002, "ipv4", "203.0.113.7", T0,
                    T0.plusSeconds(3600), 2, 40, Credit.parse("0.5")))),
            new HeldItems(List.of(new HeldItems.Held("203.0.113.7", 9))),
            new PoolBlocks(List.of(new PoolBlocks.Block(3, T0, T0.plusSeconds(9), 500))),
            new PublishContacts("bank-a", CONTACTS, Audience.of(List.of("finance"), List.of("cert-my"),
                    Border.asean()), Tlp.AMBER, "bank-a"),
            new ConfirmContacts("bank-a", "operator"),
            new ContactsReceipt("bank-a", true, T0),
            new FindContacts(new ContactReader(new Recipient("cert-my", "MY", Set.of("finance")), false)),
            new FindContact("bank-a", new ContactReader(new Recipient("operator", "SG", Set.of()), true)),
            new ContactEntries(List.of(new ContactEntry("bank-a", "Bank A", ParticipantKind.FIRM, "SG", CONTACTS,
                    Audience.EXCHANGE, Tlp.GREEN, "bank-a", T0, T0.plusSeconds(60)))),
            new FindStaleContacts(T0),
            new StaleContacts(List.of(new StaleContact("bank-a", "Bank A", ParticipantKind.FIRM, null, 91))),
            Boolean.TRUE);

    private final AxonServerWire wire = AxonServerWire.ofTheExchange();

    static List<Object> examples() {
        return EXAMPLES;
    }

    /**
     * Each message as the connector sends it: serialised with the exchange's serializer, wrapped in the connector's
     * protobuf message, as bytes, and read back on the other node. A command crosses as a command; anything else as
     * a query and as an answer, as it may.
     */
    @ParameterizedTest
    @MethodSource("examples")
    void everyMessageReadsBackAsItWasSent(Object message) {
        if (isCommand(message.getClass())) {
            assertThat(wire.commandReceived(message)).isEqualTo(message);
        } else {
            assertThat(wire.queryReceived(message)).as("as a query").isEqualTo(message);
            assertThat(wire.answerReceived(message)).as("as an answer").isEqualTo(message);
        }
    }

    @Test
    void commandsAreToldFromQueriesAndAnswers() {
        assertThat(isCommand(WithdrawItems.class)).isTrue();
        assertThat(isCommand(FindBalance.class)).isFalse();
        assertThat(EXAMPLES.stream().filter(example -> isCommand(example.getClass())).count())
                .as("commands among the examples").isGreaterThan(20);
    }

    // As Axon finds a command's target: an annotated field or method (a record component's accessor).
    private static boolean isCommand(Class<?> type) {
        return Stream.concat(Stream.of(type.getDeclaredFields()), Stream.of(type.getDeclaredMethods()))
                .anyMatch(member -> member.isAnnotationPresent(TargetAggregateIdentifier.class));
    }

    @Test
    void everyCommandQueryAndAnswerTheCodeHandlesHasAnExample() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.reciprocity.core", "org.reciprocity.ledger", "org.reciprocity.portal");
        Set<Class<?>> crossing = new HashSet<>();
        for (JavaClass type : classes) {
            if (type.getAllMembers().stream().anyMatch(member -> member.isAnnotatedWith(
                    TargetAggregateIdentifier.class))) {
                crossing.add(type.reflect());
            }
            for (JavaMethod method : type.getMethods()) {
                if (method.isAnnotatedWith(QueryHandler.class)) {
                    crossing.add(method.getRawParameterTypes().get(0).reflect());
                    crossing.add(method.getRawReturnType().reflect());
                }
                if (method.isAnnotatedWith(CommandHandler.class) && !method.getRawReturnType().reflect().equals(
                        void.class)) {
                    crossing.add(method.getRawReturnType().reflect());
                }
            }
        }
        Set<Class<?>> exemplified = new HashSet<>();
        EXAMPLES.forEach(example -> exemplified.add(example.getClass()));
        // A sealed answer crosses as one of its kinds: each kind needs an example.
        List<Class<?>> concrete = crossing.stream().flatMap(type -> type.isSealed()
                ? Stream.of(type.getPermittedSubclasses()) : Stream.of(type)).toList();

        assertThat(concrete).as("commands, queries and answers found in the code").hasSizeGreaterThan(20);
        assertThat(concrete.stream().filter(type -> !exemplified.contains(type)).map(Class::getName))
                .as("commands, queries and answers without an example").isEmpty();
    }
}
