package org.reciprocity.portal.account;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import org.reciprocity.core.messaging.EventJson;
import org.reciprocity.core.policy.Credit;
import org.reciprocity.ledger.account.StatementItem;
import org.reciprocity.ledger.account.StatementLine;

import java.math.BigDecimal;
import java.util.List;

/**
 * Statements and their lines' items as CSV (RFC 4180): a header row naming the columns as the JSON names its fields,
 * then one row per line or item, quoted by Jackson's CSV writer. Instants are ISO-8601, amounts plain decimals, an
 * absent value an empty cell.
 */
final class StatementCsv {

    // The columns in the order the JSON writes the fields, not the alphabetical order CSV mappers default to.
    private static final CsvMapper CSV = CsvMapper.builder().addModule(new JavaTimeModule())
            .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    private StatementCsv() {
    }

    static String lines(List<StatementLine> lines) {
        return write(StatementLine.class, lines);
    }

    static String items(List<StatementItem> items) {
        return write(ItemRow.class, items.stream().map(ItemRow::of).toList());
    }

    private static <T> String write(Class<T> row, List<T> rows) {
        try {
            return CSV.writer(CSV.schemaFor(row).withHeader()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a statement's rows are plain values, always written", e);
        }
    }

    /**
     * A statement item as a row: its tags one cell holding them as a JSON array, since a tag may hold any separator
     * a list in a cell would be written with.
     */
    record ItemRow(int ordinal, String type, String value, boolean withheld, String tlp, Integer confidence,
                   String tags, String rule, BigDecimal weight, Credit credit) {

        static ItemRow of(StatementItem item) {
            return new ItemRow(item.ordinal(), item.type(), item.value(), item.withheld(), item.tlp(),
                    item.confidence(), item.tags() == null ? null : EventJson.write(item.tags()), item.rule(),
                    item.weight(), item.credit());
        }
    }
}
