package org.reciprocity.core.registry;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.context.ContextObject;
import org.reciprocity.core.event.ActedOnReported;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.event.ItemsWithdrawn;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemRef;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.kernel.ItemFacts;
import org.reciprocity.core.kernel.Share;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.policy.ReciprocityPolicy;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.sharing.Border;
import org.reciprocity.core.testing.Simulation;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The tables the account decides with hold what the kernel's own model of the pool holds, for the same events. */
class JdbcSharedPoolTest {

    private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

    private final Simulation exchange = new Simulation(T0, ReciprocityPolicy.INITIAL);
    private final Item ipAmber = item("ipv4", "192.0.2.1", "AMBER");
    private final Item ipGreen = item("ipv4", "192.0.2.1", "GREEN");
    private final Item ipClear = item("ipv4", "192.0.2.1", "CLEAR");
    private final Item domainRed = item("domain", "bad.example", "RED");
    private final Item domainAmber = item("domain", "bad.example", "AMBER");
    private final Item hashStrict = item("sha256", "a".repeat(64), "AMBER+STRICT");

    @Test
    void sharedMarkingsSharersContributorsReceiversAndReportersAgreeWithTheKernelsPool() {
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ipAmber, domainRed, hashStrict));
        exchange.contribute("telco-b", "telco-b", "k2", List.of(ipGreen, domainAmber));
        exchange.contribute("isp-c", "isp-c", "k3", List.of(ipAmber));
        exchange.grant("cert-my", "g1", Credit.of(10), null);
        exchange.withdraw("cert-my", "cert-my", "w1", List.of(ipGreen, domainAmber));
        exchange.report("cert-my", "cert-my", "r1", List.of(ItemRef.of(ipGreen)));
        exchange.contribute("isp-c", "isp-c", "k4", List.of(ipClear));

        JdbcSharedPool tables = tablesAfter(exchange);

        List<UUID> items = List.of(ipAmber.id(), domainRed.id(), hashStrict.id(), item("url", "https://x.example/",
                "GREEN").id());
        for (String account : List.of("bank-a", "telco-b", "isp-c", "cert-my", "nobody")) {
            Set<String> behind = Set.of(account);
            assertThat(tables.factsAbout(account, behind, items).byItem()).as(account)
                    .isEqualTo(exchange.pool().factsAbout(account, behind, items).byItem());
        }
        assertThat(tables.factsAbout("cert-my", Set.of("cert-my"), List.of(ipAmber.id())).of(ipAmber.id())
                .sharedMarking()).as("the freest marking any sharer gave").isEqualTo(ipClear.tlp());
    }

    @Test
    void narrowSharesAgreeWithTheKernelsPoolAudienceByAudience() {
        Audience financeAndCert = Audience.of(List.of("finance-sg"), List.of("cert-my"), Border.ANYWHERE);
        Audience singapore = new Audience(true, List.of(), List.of(), Border.ownCountry("SG"));
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ipAmber, domainRed), List.of(), financeAndCert);
        exchange.contribute("telco-b", "telco-b", "k2", List.of(ipGreen, hashStrict), List.of(), financeAndCert);
        exchange.contribute("isp-c", "isp-c", "k3", List.of(ipClear), List.of(), singapore);
        exchange.contribute("isp-c", "isp-c", "k4", List.of(domainAmber));

        JdbcSharedPool tables = tablesAfter(exchange);

        List<UUID> items = List.of(ipAmber.id(), domainRed.id(), hashStrict.id());
        for (String account : List.of("bank-a", "telco-b", "isp-c", "cert-my")) {
            assertThat(tables.factsAbout(account, Set.of(account), items).byItem()).as(account)
                    .isEqualTo(exchange.pool().factsAbout(account, Set.of(account), items).byItem());
        }
        ItemFacts ip = tables.factsAbout("cert-my", Set.of("cert-my"), items).of(ipAmber.id());
        assertThat(ip.sharedMarking()).as("never shared with everyone").isNull();
        assertThat(ip.sharedBy()).isEqualTo("bank-a");
        assertThat(ip.narrowShares()).containsExactlyInAnyOrder(new Share(financeAndCert, Tlp.GREEN),
                new Share(singapore, Tlp.CLEAR));
        assertThat(tables.factsAbout("cert-my", Set.of("cert-my"), items).of(domainRed.id()).sharedMarking())
                .as("shared with everyone by a later contribution").isEqualTo(Tlp.AMBER);
    }

    @Test
    void contextOwnersAndVersionsAgreeWithTheKernelsPool() {
        String report = "report--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061";
        String address = "ipv4-addr--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0062";
        exchange.contribute("bank-a", "bank-a", "k1", List.of(ipGreen), List.of(object(report, T0),
                object(address, null)));
        exchange.contribute("telco-b", "telco-b", "k2", List.of(domainAmber), List.of(object(report, T0),
                object(report, T0.plusSeconds(60)), object(address, null)));
        exchange.contribute("bank-a", "bank-a", "k3", List.of(hashStrict), List.of(object(report, T0.plusSeconds(30)),
                object(report, T0.plusSeconds(30))));

        JdbcSharedPool tables = tablesAfter(exchange);

        List<String> ids = List.of(report, address, "note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0063");
        assertThat(tables.objectFacts(ids)).isEqualTo(exchange.pool().objectFacts(ids));
        assertThat(tables.peekObjectFacts(ids)).as("read without holding the rows").isEqualTo(tables.objectFacts(ids));
        assertThat(tables.objectFacts(ids).of(report).orElseThrow().versions())
                .as("the owner's two versions; not the other's").containsExactlyInAnyOrder(T0, T0.plusSeconds(30));
    }

    private static ContextObject object(String id, Instant version) {
        return new ContextObject(id, id.substring(0, id.indexOf("--")), version, Tlp.GREEN, List.of(), List.of(),
                List.of(), "{}");
    }

    private static JdbcSharedPool tablesAfter(Simulation exchange) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        JdbcSharedPool tables = new JdbcSharedPool(new JdbcTemplate(dataSource));
        for (Simulation.Step step : exchange.history()) {
            if (step.event() instanceof ItemsContributed contributed) {
                tables.on(contributed);
            } else if (step.event() instanceof ItemsWithdrawn withdrawn) {
                tables.on(withdrawn);
            } else if (step.event() instanceof ActedOnReported reported) {
                tables.on(reported);
            }
        }
        return tables;
    }

    private static Item item(String type, String value, String tlp) {
        return Item.normalised(type, value, 100, tlp, null, null, List.of());
    }
}
