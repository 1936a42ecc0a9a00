package org.reciprocity.portal.store;

import com.google.protobuf.ByteString;
import io.axoniq.axonserver.grpc.MetaDataValue;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.event.EventWithToken;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.chain.EventChain;
import org.reciprocity.core.chain.EventRow;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An event as Axon Server hands it out, read into the row the hash chain links. */
class AxonServerEventRowsTest {

    @Test
    void everyFieldAxonServerKeepsIsInTheRow() {
        EventRow row = AxonServerEventRows.row(stored(41, "{\"items\":1}", Map.of("traceId", "t-1")));
        assertThat(row.position()).isEqualTo(41);
        assertThat(row.eventIdentifier()).isEqualTo("event-1");
        assertThat(row.aggregateIdentifier()).isEqualTo("account:bank-1");
        assertThat(row.sequenceNumber()).isEqualTo(7);
        assertThat(row.type()).isEqualTo("Account");
        assertThat(row.timeStamp()).isEqualTo("1764633600000");
        assertThat(row.payloadType()).isEqualTo("org.reciprocity.core.event.ItemsContributed");
        assertThat(row.payloadRevision()).as("no revision is none, not empty").isNull();
        assertThat(new String(row.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"items\":1}");
    }

    @Test
    void theMetadataReadsTheSameInWhateverOrderTheWireCarriesIt() {
        Map<String, String> oneWay = new LinkedHashMap<>();
        oneWay.put("traceId", "t-1");
        oneWay.put("correlationId", "c-1");
        Map<String, String> otherWay = new LinkedHashMap<>();
        otherWay.put("correlationId", "c-1");
        otherWay.put("traceId", "t-1");
        EventRow first = AxonServerEventRows.row(stored(41, "{}", oneWay));
        EventRow second = AxonServerEventRows.row(stored(41, "{}", otherWay));
        assertThat(first.metaData()).isEqualTo(second.metaData());
        assertThat(EventChain.link(EventChain.GENESIS, first)).isEqualTo(EventChain.link(EventChain.GENESIS, second));
    }

    @Test
    void aChangedPayloadOrMetadataChangesTheLink() {
        String link = EventChain.link(EventChain.GENESIS, AxonServerEventRows.row(stored(41, "{}", Map.of("a", "1"))));
        assertThat(EventChain.link(EventChain.GENESIS, AxonServerEventRows.row(stored(41, "{ }", Map.of("a", "1")))))
                .isNotEqualTo(link);
        assertThat(EventChain.link(EventChain.GENESIS, AxonServerEventRows.row(stored(41, "{}", Map.of("a", "2")))))
                .isNotEqualTo(link);
        assertThat(EventChain.link(EventChain.GENESIS, AxonServerEventRows.row(stored(42, "{}", Map.of("a", "1")))))
                .as("the same event at another position").isNotEqualTo(link);
    }

    private static EventWithToken stored(long token, String payload, Map<String, String> metaData) {
        Event.Builder event = Event.newBuilder().setMessageIdentifier("event-1")
                .setAggregateIdentifier("account:bank-1").setAggregateSequenceNumber(7).setAggregateType("Account")
                .setTimestamp(1_764_633_600_000L).setPayload(SerializedObject.newBuilder()
                        .setType("org.reciprocity.core.event.ItemsContributed")
                        .setData(ByteString.copyFromUtf8(payload)));
        metaData.forEach((key, value) -> event.putMetaData(key, MetaDataValue.newBuilder().setTextValue(value).build()));
        return EventWithToken.newBuilder().setToken(token).setEvent(event).build();
    }
}
