package org.reciprocity.core.messaging;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.CreditGranted;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Events stored under the names they had before their package moved are read as the events they are now. */
class MovedEventsTest {

    private final Serializer serializer = EventRevisions.serializer();

    @Test
    void anEventStoredUnderItsFormerNameIsReadAsTheEventItIsNow() {
        CreditGranted granted = new CreditGranted(UUID.randomUUID(), "cert-my", "g1", "f", Credit.of(10),
                "programme", null, "operator", Credit.of(10), Instant.parse("2026-11-01T00:00:00Z"));
        SerializedObject<byte[]> payload = serializer.serialize(granted, byte[].class);
        GenericDomainEventEntry<byte[]> storedBeforeTheMove = new GenericDomainEventEntry<>("Account",
                "account:cert-my", 0, UUID.randomUUID().toString(), "2026-11-01T00:00:00Z",
                "org.reciprocity.core.account.CreditGranted", null, payload.getData(),
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData());

        List<IntermediateEventRepresentation> read = new MovedEvents().upcast(Stream.of(
                new InitialEventRepresentation(storedBeforeTheMove, serializer))).toList();

        assertThat(read).hasSize(1);
        assertThat(read.get(0).getType().getName()).isEqualTo(CreditGranted.class.getName());
        assertThat((Object) serializer.deserialize(read.get(0).getData())).isEqualTo(granted);
    }

    @Test
    void everyFormerNameNamesAnEventThatExists() {
        MovedEvents.MOVED.values().forEach(name -> assertThat(serializer.classForType(
                new SimpleSerializedType(name, null)).getName()).isEqualTo(name));
    }
}
