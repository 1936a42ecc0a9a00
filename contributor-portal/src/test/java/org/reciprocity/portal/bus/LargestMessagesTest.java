package org.reciprocity.portal.bus;

import com.google.protobuf.MessageLite;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.CreditLot;
import org.reciprocity.core.event.CreditRule;
import org.reciprocity.core.event.ItemCredit;
import org.reciprocity.core.event.ItemsContributed;
import org.reciprocity.core.contribution.ContributeItems;
import org.reciprocity.core.item.Item;
import org.reciprocity.core.item.ItemType;
import org.reciprocity.core.item.Tlp;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.core.sharing.Audience;
import org.reciprocity.core.testing.AxonServerWire;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.PropertyPlaceholderHelper;
import org.springframework.util.unit.DataSize;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The largest contribution the API accepts, as Axon Server's connector puts it on the wire: the command, and the
 * event that records it, each one gRPC message. Both must fit the message size the {@code axonserver} profile allows
 * (Axon Server's own must be set as large: see docs/operations.md), or such a contribution fails under that profile
 * only, where no build machine runs it.
 */
class LargestMessagesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T08:00:00Z");

    private final AxonServerWire wire = AxonServerWire.ofTheExchange();
    private final Properties application = settings("application.yml");
    private final Properties axonServer = settings("application-axonserver.yml");

    @Test
    void theLargestContributionAndItsEventFitTheConfiguredMessageSize() {
        int maxItems = Integer.parseInt(setting(application, "exchange.contribution.max-items"));
        long maxBody = DataSize.parse(setting(application, "exchange.http.max-request-size")).toBytes();
        long maxMessage = DataSize.parse(setting(axonServer, "axon.axonserver.max-message-size")).toBytes();
        List<Item> items = IntStream.range(0, maxItems).mapToObj(LargestMessagesTest::longestItem).toList();

        ContributeItems command = new ContributeItems("bank-a", "bank-a", "feed-largest", items, List.of(),
                Audience.EXCHANGE);
        ItemsContributed event = new ItemsContributed(UUID.randomUUID(), "bank-a", "bank-a", "feed-largest",
                "f".repeat(64), items.stream().map(item -> new ItemCredit(item, CreditRule.NEW,
                        new BigDecimal("0.45"), Credit.parse("0.45"), 0)).toList(), 0, Credit.of(4500),
                new CreditLot(UUID.randomUUID(), Credit.of(4500), null), Credit.of(4500), 1, T0);

        long commandBytes = size(wire.command(command));
        long eventBytes = size(wire.event("Account", "account:bank-a", 41, event));
        System.out.printf("largest contribution: %d items; command %.1f MiB, event %.1f MiB on the wire; allowed "
                + "%.1f MiB%n", maxItems, mib(commandBytes), mib(eventBytes), mib(maxMessage));

        assertThat(commandBytes).as("over Axon Server's default of 4 MiB: the default would refuse it")
                .isGreaterThan(4L << 20);
        assertThat(commandBytes).as("the command on the wire").isLessThanOrEqualTo(maxMessage);
        assertThat(eventBytes).as("the event on the wire").isLessThanOrEqualTo(maxMessage);
        // The body limit caps any contribution, whatever mix of items and context it carries; the items at their
        // longest come close to it, so the allowance must cover a message as large as the largest body and more.
        assertThat(maxMessage).as("room for a message the size of the largest body").isGreaterThan(maxBody);
    }

    // The longest item the API takes: a URL of the longest canonical value, every optional field, 32 tags of 64.
    private static Item longestItem(int index) {
        String start = "https://e" + index + ".example/";
        String value = start + "a".repeat(ItemType.MAX_VALUE_LENGTH - start.length());
        List<String> tags = IntStream.range(0, Item.MAX_TAGS).mapToObj(tag -> String.format("tag-%02d-", tag))
                .map(tag -> tag + "x".repeat(Item.MAX_TAG_LENGTH - tag.length())).toList();
        Item item = Item.normalised("url", value, 100, "AMBER+STRICT", T0, T0.plusSeconds(86_400), tags);
        assertThat(item.value()).hasSize(ItemType.MAX_VALUE_LENGTH);
        return item;
    }

    private static long size(MessageLite message) {
        return message.toByteArray().length;
    }

    private static double mib(long bytes) {
        return bytes / (double) (1 << 20);
    }

    private static Properties settings(String resource) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource(resource));
        return yaml.getObject();
    }

    // A setting as a deployment that sets no environment variable has it: the default after the colon.
    private static String setting(Properties properties, String name) {
        String raw = properties.getProperty(name);
        assertThat(raw).as(name).isNotNull();
        return new PropertyPlaceholderHelper("${", "}", ":", true).replacePlaceholders(raw, placeholder -> null);
    }
}
