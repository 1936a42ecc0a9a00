package org.reciprocity.core.item;

import org.junit.jupiter.api.Test;
import org.reciprocity.core.NameBasedUuid;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Item identifiers are handed out and key tables on every node: they never change, however they are computed. */
class ItemIdentityTest {

    private static final NameBasedUuid FRESH = NameBasedUuid.in(ItemIdentity.NAMESPACE);

    @Test
    void identifiersAreTheVersion5UuidsOfTheTypeAndCanonicalValue() {
        // Computed apart from the exchange, with Python's uuid.uuid5 on the exchange's namespace.
        assertThat(ItemIdentity.of(ItemType.DOMAIN, "evil.example.com"))
                .isEqualTo(UUID.fromString("4fdf5e8f-cf54-5114-bdff-e7d07c9ca0b6"));
        assertThat(ItemIdentity.of(ItemType.IPV4, "203.0.113.7"))
                .isEqualTo(UUID.fromString("8a54ffd3-f265-55b7-89b6-7abbf9bda8f9"));
        assertThat(ItemIdentity.of(ItemType.URL, "http://evil.example.com/login"))
                .isEqualTo(UUID.fromString("e28ca750-769f-56df-946e-cdbca436ee65"));
        assertThat(ItemIdentity.of(ItemType.EMAIL, "phish@evil.example.com"))
                .isEqualTo(UUID.fromString("2f33a5e1-9cd4-564c-bb46-830271c1900e"));
    }

    @Test
    void itemsAskedForFromTwoThreadsEachGetTheirOwnIdentifier() throws Exception {
        // Far more names than the recent identifiers kept, so that many share a place and replace one another.
        List<String> values = new ArrayList<>();
        for (int i = 0; i < 60_000; i++) {
            values.add("host-" + i + ".example.net");
        }
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> asked = new ArrayList<>();
            for (int thread = 0; thread < 2; thread++) {
                List<String> order = new ArrayList<>(values);
                Collections.shuffle(order, new Random(thread));
                asked.add(threads.submit(wrongIdentifiers(order)));
            }
            for (Future<Integer> each : asked) {
                assertThat(each.get()).as("identifiers that differ from the item's own").isZero();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    // Each name asked for twice, a few names apart, as a decision and its recording ask; each answer held to the
    // identifier computed afresh.
    private static Callable<Integer> wrongIdentifiers(List<String> values) {
        return () -> {
            int wrong = 0;
            for (int i = 0; i < values.size(); i++) {
                String again = values.get(Math.max(0, i - 3));
                for (String value : List.of(values.get(i), again)) {
                    UUID expected = FRESH.of("domain:" + value);
                    if (!ItemIdentity.of(ItemType.DOMAIN, value).equals(expected)) {
                        wrong++;
                    }
                }
            }
            return wrong;
        };
    }
}
