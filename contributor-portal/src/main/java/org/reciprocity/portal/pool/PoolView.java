package org.reciprocity.portal.pool;

import java.time.Instant;
import java.util.List;

/** A pool and its members. */
record PoolView(String id, String name, String sector, String country, Instant formedAt, List<String> members) {
}
