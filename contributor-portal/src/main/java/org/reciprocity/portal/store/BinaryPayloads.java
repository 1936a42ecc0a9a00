package org.reciprocity.portal.store;

import org.hibernate.boot.model.TypeContributions;
import org.hibernate.boot.model.TypeContributor;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.descriptor.jdbc.VarbinaryJdbcType;

import java.sql.Types;

/**
 * Maps Axon's {@code @Lob byte[]} columns (event payloads and metadata, snapshots, tokens) to plain binary columns.
 * Left to itself, Hibernate 6 on PostgreSQL makes them {@code oid} large objects: the row holds only a number, the
 * bytes live in {@code pg_largeobject}, plain SQL cannot read them, and a deleted row leaves its object behind. As
 * {@code bytea} (and {@code varbinary} on H2) an auditor reads a payload with one SELECT.
 * <p>
 * Registered through {@code META-INF/services}: Hibernate applies such contributors after the dialect's own types,
 * which is what lets this override the PostgreSQL dialect's large-object binding (a contributor given in the JPA
 * properties runs before the dialect and loses).
 */
public class BinaryPayloads implements TypeContributor {

    @Override
    public void contribute(TypeContributions contributions, ServiceRegistry serviceRegistry) {
        contributions.getTypeConfiguration().getJdbcTypeRegistry()
                .addDescriptor(Types.BLOB, VarbinaryJdbcType.INSTANCE);
    }
}
