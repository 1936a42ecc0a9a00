package org.reciprocity.core.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.event.Coverage;
import org.reciprocity.core.event.DrawCriteria;
import org.reciprocity.core.event.WithdrawalRefused;
import org.reciprocity.core.policy.Credit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refusals stored before they said what the withdrawal asked for are read as refusals of the whole offer. */
class RefusalsBeforeCoverageTest {

    private static final Instant T0 = Instant.parse("2026-10-01T00:00:00Z");

    private final Serializer serializer = EventRevisions.serializer();
    private final EventUpcasterChain chain = new EventUpcasterChain(new MovedEvents(), new RefusalsBeforeCoverage());

    @Test
    void aRefusalStoredWithoutItsCoverageUnderItsFormerNameIsReadAsARefusalOfTheWhole() {
        WithdrawalRefused refused = refusal(Coverage.WHOLE);
        ObjectNode asStoredThen = (ObjectNode) EventJson.tree(refused);
        asStoredThen.remove("coverage");

        List<IntermediateEventRepresentation> read = chain.upcast(Stream.of(stored(
                "org.reciprocity.core.withdrawal.WithdrawalRefused", null, asStoredThen.toString()))).toList();

        assertThat(read).hasSize(1);
        assertThat(read.get(0).getType().getName()).isEqualTo(WithdrawalRefused.class.getName());
        assertThat(read.get(0).getType().getRevision()).isEqualTo("2");
        assertThat((Object) serializer.deserialize(read.get(0).getData())).isEqualTo(refused);
    }

    @Test
    void aRefusalWrittenWithItsCoverageIsReadAsWritten() {
        WithdrawalRefused refused = refusal(Coverage.LONGEST_RUN);
        assertThat(serializer.serialize(refused, String.class).getType().getRevision()).isEqualTo("2");

        List<IntermediateEventRepresentation> read = chain.upcast(Stream.of(stored(
                WithdrawalRefused.class.getName(), "2", EventJson.write(refused)))).toList();

        assertThat((Object) serializer.deserialize(read.get(0).getData())).isEqualTo(refused);
    }

    @Test
    void withoutTheUpcasterSuchARefusalCannotBeRead() {
        ObjectNode asStoredThen = (ObjectNode) EventJson.tree(refusal(Coverage.WHOLE));
        asStoredThen.remove("coverage");

        assertThatThrownBy(() -> serializer.deserialize(new SimpleSerializedObject<>(asStoredThen.toString(),
                String.class, WithdrawalRefused.class.getName(), null)))
                .isInstanceOf(SerializationException.class);
    }

    private InitialEventRepresentation stored(String type, String revision, String json) {
        return new InitialEventRepresentation(new GenericDomainEventEntry<>("Account", "account:cert-my", 3,
                UUID.randomUUID().toString(), T0.toString(), type, revision, json.getBytes(),
                serializer.serialize(MetaData.emptyInstance(), byte[].class).getData()), serializer);
    }

    private static WithdrawalRefused refusal(Coverage coverage) {
        return new WithdrawalRefused(UUID.randomUUID(), "cert-my", "cert-my", "pull-1", "f",
                new DrawCriteria(List.of(), null, null, 100), 4, 4, Credit.of(4), Credit.of(1), 1, T0, coverage);
    }
}
