package org.reciprocity.ledger.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The catalogue's rows a reader may read, as SQL: those of catalogue_item that everyone reads, and, when some
 * narrower share reaches the reader, those of catalogue_share under the share keys that reach it, in one pool order.
 * An item reaching the reader through several rows is read at the first of them alone, so that it comes once on every
 * feed (the others' attributes are merged into it as it is served). Conditions on a row's place in the pool are
 * written against {@code {p}}, the table the row's position comes from; the item's own columns are {@code c}'s.
 */
final class Visible {

    private static final String COLUMNS = "c.item_id, c.item_type, c.item_value, c.first_position, c.first_added_at, "
            + "{p}.pool_position, {p}.shared_at, c.shared_position, {p}.confidence, {p}.tlp, {p}.first_seen, "
            + "{p}.last_seen, {p}.tags, {p}.corroborations, {p}.modified_at, c.has_context, c.sightings, c.revoked, "
            + "c.alive_at, c.valid_until";

    private final List<String> reaching;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> conditionArguments = new ArrayList<>();
    private boolean firstOnly = true;

    Visible(List<String> reaching) {
        this.reaching = reaching;
    }

    /** Every row reaching the reader, not the first of each item alone: what an item's served view merges. */
    Visible everyRow() {
        firstOnly = false;
        return this;
    }

    Visible where(String condition, Object... arguments) {
        conditions.add(condition);
        conditionArguments.addAll(List.of(arguments));
        return this;
    }

    /** The rows, as {@code columns} of the row (or aggregates of them), ordered and limited. */
    String select(String columns, String order, int limit) {
        return "select " + columns + " from " + rows() + " order by " + order + " fetch first ? rows only";
    }

    /** What {@link #select} binds, in its order. */
    Object[] arguments(int limit) {
        List<Object> arguments = rowArguments();
        arguments.add(limit);
        return arguments.toArray();
    }

    /** What the rows are selected from: the open catalogue alone when nothing narrower reaches the reader. */
    String rows() {
        if (reaching.isEmpty()) {
            return "catalogue_item c where c.pool_position is not null" + conditions("c");
        }
        return "(select " + COLUMNS.replace("{p}", "c") + " from catalogue_item c where c.pool_position is not null"
                + conditions("c") + (firstOnly ? " and not exists (" + earlierShare("c") + ")" : "")
                + " union all select " + COLUMNS.replace("{p}", "s") + " from catalogue_share s join catalogue_item c "
                + "on c.item_id = s.item_id where s.share_key in (" + keys() + ")" + conditions("s")
                + (firstOnly ? " and (c.pool_position is null or c.pool_position > s.pool_position) and not exists ("
                + earlierShare("s") + ")" : "") + ") v";
    }

    /** What {@link #rows} binds, in its order. */
    List<Object> rowArguments() {
        List<Object> arguments = new ArrayList<>(conditionArguments);
        if (!reaching.isEmpty()) {
            if (firstOnly) {
                arguments.addAll(reaching);
            }
            arguments.addAll(reaching);
            arguments.addAll(conditionArguments);
            if (firstOnly) {
                arguments.addAll(reaching);
            }
        }
        return arguments;
    }

    // A narrower row of the same item, reaching the reader, earlier in the pool than the row at {@code positions}.
    private String earlierShare(String positions) {
        return "select 1 from catalogue_share e where e.item_id = c.item_id and e.share_key in (" + keys()
                + ") and e.pool_position < " + positions + ".pool_position";
    }

    private String keys() {
        return String.join(",", Collections.nCopies(reaching.size(), "?"));
    }

    private String conditions(String positions) {
        StringBuilder sql = new StringBuilder();
        conditions.forEach(condition -> sql.append(" and ").append(condition.replace("{p}", positions)));
        return sql.toString();
    }
}
