package org.reciprocity.core.testing;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.axoniq.axonserver.grpc.SerializedObject;
import io.axoniq.axonserver.grpc.command.Command;
import io.axoniq.axonserver.grpc.command.CommandResponse;
import io.axoniq.axonserver.grpc.event.Event;
import io.axoniq.axonserver.grpc.query.QueryRequest;
import io.axoniq.axonserver.grpc.query.QueryResponse;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.CommandSerializer;
import org.axonframework.axonserver.connector.query.QuerySerializer;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.GenericCommandResultMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericQueryMessage;
import org.axonframework.queryhandling.GenericQueryResponseMessage;
import org.axonframework.serialization.Serializer;
import org.reciprocity.core.messaging.EventRevisions;

import java.io.UncheckedIOException;

/**
 * Messages as Axon Server's connector puts them on the wire and takes them off again, without a server: the
 * connector's own serializers for commands, queries and their answers, its protobuf messages as bytes, and the
 * exchange's serializer inside. No build machine runs Axon Server; this is where what it would carry is checked.
 */
public final class AxonServerWire {

    private final Serializer serializer;
    private final CommandSerializer commands;
    private final QuerySerializer queries;

    private AxonServerWire(Serializer serializer) {
        this.serializer = serializer;
        AxonServerConfiguration configuration = new AxonServerConfiguration();
        configuration.setClientId("node-a");
        configuration.setComponentName("reciprocity-exchange");
        this.commands = new CommandSerializer(serializer, configuration);
        this.queries = new QuerySerializer(serializer, serializer, configuration);
    }

    /** The wire with the serializer the exchange configures (see MessagingConfiguration). */
    public static AxonServerWire ofTheExchange() {
        return new AxonServerWire(EventRevisions.serializer());
    }

    /** The failure a sender receives when the handling node's command bus ended the command with this one. */
    public Throwable failureArriving(Throwable failureLeavingTheHandlingNode) {
        CommandResponse sent = commands.serialize(
                GenericCommandResultMessage.asCommandResultMessage(failureLeavingTheHandlingNode), "request-1");
        return commands.deserialize(parse(() -> CommandResponse.parseFrom(sent.toByteArray()))).exceptionResult();
    }

    /** A command as the connector sends it to Axon Server. */
    public Command command(Object payload) {
        return commands.serialize(GenericCommandMessage.asCommandMessage(payload), "routing-key", 0);
    }

    /** A command's payload as the handling node reads it from the wire. */
    public Object commandReceived(Object payload) {
        byte[] bytes = command(payload).toByteArray();
        return commands.deserialize(parse(() -> Command.parseFrom(bytes))).getPayload();
    }

    /** A query's payload as the answering node reads it from the wire. */
    public Object queryReceived(Object query) {
        QueryRequest sent = queries.serializeRequest(new GenericQueryMessage<>(query,
                ResponseTypes.instanceOf(Object.class)), 1, 1_000, 0);
        byte[] bytes = sent.toByteArray();
        return queries.deserializeRequest(parse(() -> QueryRequest.parseFrom(bytes))).getPayload();
    }

    /** An answer (a query's, or a command's result) as the asking node reads it from the wire. */
    public Object answerReceived(Object answer) {
        QueryResponse sent = queries.serializeResponse(new GenericQueryResponseMessage<>(answer), "request-1");
        byte[] bytes = sent.toByteArray();
        return queries.deserializeResponse(parse(() -> QueryResponse.parseFrom(bytes))).getPayload();
    }

    /** An event as the connector appends it to Axon Server's store, as its event storage engine maps it. */
    public Event event(String aggregateType, String aggregateId, long sequence, Object payload) {
        GenericDomainEventMessage<?> event = new GenericDomainEventMessage<>(aggregateType, aggregateId, sequence,
                payload);
        org.axonframework.serialization.SerializedObject<byte[]> serialized = event.serializePayload(serializer,
                byte[].class);
        return Event.newBuilder()
                .setAggregateIdentifier(aggregateId)
                .setAggregateSequenceNumber(sequence)
                .setAggregateType(aggregateType)
                .setMessageIdentifier(event.getIdentifier())
                .setPayload(SerializedObject.newBuilder()
                        .setType(serialized.getType().getName())
                        .setRevision(serialized.getType().getRevision() == null ? ""
                                : serialized.getType().getRevision())
                        .setData(ByteString.copyFrom(serialized.getData())))
                .setTimestamp(event.getTimestamp().toEpochMilli())
                .build();
    }

    private static <T> T parse(Parse<T> parse) {
        try {
            return parse.from();
        } catch (InvalidProtocolBufferException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FunctionalInterface
    private interface Parse<T> {
        T from() throws InvalidProtocolBufferException;
    }
}
