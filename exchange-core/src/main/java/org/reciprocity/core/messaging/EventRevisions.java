package org.reciprocity.core.messaging;

import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.reciprocity.core.event.WithdrawalRefused;

import java.util.Map;

/**
 * The revision each event is written in, when its shape has changed since events of its kind were first stored: kept
 * here rather than as annotations on the events, which stay plain records the rule kernel can depend on. An upcaster
 * reads the older revisions ({@link RefusalsBeforeCoverage}).
 * <p>
 * What is not an event keeps its {@code @Revision}: an account's snapshot is written under the revision of the
 * account's fields, and Axon passes over every snapshot whose revision is not the account's, rebuilding the account
 * from all its events each time it is loaded.
 */
public final class EventRevisions implements RevisionResolver {

    private static final Map<Class<?>, String> REVISIONS = Map.of(
            WithdrawalRefused.class, RefusalsBeforeCoverage.REVISION);

    private final RevisionResolver annotated = new AnnotationRevisionResolver();

    /** The exchange's serializer: {@link EventJson}, events written under their revisions. */
    public static Serializer serializer() {
        return JacksonSerializer.builder().objectMapper(EventJson.mapper()).revisionResolver(new EventRevisions())
                .build();
    }

    @Override
    public String revisionOf(Class<?> payloadType) {
        String revision = REVISIONS.get(payloadType);
        return revision != null ? revision : annotated.revisionOf(payloadType);
    }
}
