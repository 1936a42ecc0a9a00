package org.reciprocity.portal.contribution;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.reciprocity.core.InvalidInputException;
import org.reciprocity.core.item.Item;
import org.reciprocity.portal.problem.FieldError;
import org.reciprocity.portal.problem.InvalidRequestException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A contribution written as CSV (RFC 4180): a header naming the columns, in any order, then an item a line, with the
 * fields of a JSON item. {@code type}, {@code value} and {@code tlp} are required; the other columns may be left out,
 * and an empty cell says nothing; {@code tags} are separated by {@code ;}. Lines are numbered as in the file, the
 * header being line 1, so that an error points where the sender's editor does.
 */
final class CsvBatch {

    static final String MEDIA_TYPE = "text/csv";

    private static final List<String> COLUMNS = List.of("type", "value", "tlp", "confidence", "firstSeen", "lastSeen",
            "tags");
    private static final List<String> REQUIRED = List.of("type", "value", "tlp");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");
    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private CsvBatch() {
    }

    /** @throws InvalidRequestException when the text is not CSV, or its header names columns it cannot have */
    static ContributionBatch read(String text, int maxItems) {
        ContributionBatch.Reader batch = new ContributionBatch.Reader("lines", maxItems);
        try (JsonParser rows = CSV.createParser(text)) {
            Row header = Row.next(rows);
            if (header == null) {
                throw InvalidRequestException.of("lines[1]", "a CSV contribution starts with a header naming its "
                        + "columns, as in type,value,tlp");
            }
            Map<String, Integer> columns = columns(header);
            for (Row row = Row.next(rows); row != null; row = Row.next(rows)) {
                add(batch, header, columns, row);
            }
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException("the body is not CSV: " + e.getOriginalMessage() + " (read up to line "
                    + e.getLocation().getLineNr() + "); a value holding a comma, a quote or a line break is quoted, as "
                    + "in \"a,b\", with a quote inside it doubled", List.of());
        } catch (IOException e) {
            throw new UncheckedIOException("text in memory cannot fail to be read", e);
        }
        return batch.batch();
    }

    private static void add(ContributionBatch.Reader batch, Row header, Map<String, Integer> columns, Row row) {
        if (row.cells().size() > header.cells().size()) {
            batch.refuse(row.line(), "this line has " + row.cells().size() + " values and the header "
                    + header.cells().size() + " columns: quote a value that holds a comma, as in \"a,b\"");
        } else {
            batch.read(row.line(), () -> item(row, columns));
        }
    }

    /** Each column's position, by name. */
    private static Map<String, Integer> columns(Row header) {
        String at = "lines[" + header.line() + "]";
        Map<String, Integer> columns = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < header.cells().size(); i++) {
            String name = header.cells().get(i);
            if (!COLUMNS.contains(name)) {
                errors.add(new FieldError(at, "column " + (i + 1) + ", '" + name + "', is not a column of a "
                        + "contribution: the columns are " + String.join(", ", COLUMNS)));
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(new FieldError(at, "the column '" + name + "' is named twice: name each column once"));
            }
        }
        REQUIRED.stream().filter(name -> !columns.containsKey(name)).forEach(name -> errors.add(new FieldError(at,
                "the header names no column '" + name + "': " + String.join(", ", REQUIRED) + " are required")));
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("the header cannot be read: " + errors.stream().map(FieldError::message)
                    .collect(Collectors.joining("; ")), errors);
        }
        return columns;
    }

    private static Item item(Row row, Map<String, Integer> columns) {
        return Item.normalised(row.cell(columns, "type"), row.cell(columns, "value"),
                confidence(row.cell(columns, "confidence")), row.cell(columns, "tlp"),
                instant("firstSeen", row.cell(columns, "firstSeen")), instant("lastSeen", row.cell(columns, "lastSeen")),
                tags(row.cell(columns, "tags")));
    }

    private static Integer confidence(String text) {
        if (text == null) {
            return null;
        }
        if (!WHOLE_NUMBER.matcher(text).matches()) {
            throw new InvalidInputException("confidence", "confidence is a whole number from 0 to 100; got '" + text
                    + "'");
        }
        return Integer.valueOf(text);
    }

    private static Instant instant(String field, String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "'" + text + "' is not an ISO-8601 instant such as "
                    + "2026-11-20T00:00:00Z");
        }
    }

    private static List<String> tags(String text) {
        // Every piece counts, an empty one included, which is refused as a JSON contribution's empty tag is.
        return text == null ? null : List.of(text.split(";", -1));
    }

    /** A record of the file, and the line it starts on. */
    private record Row(int line, List<String> cells) {

        /** The next record; null at the end of the file. */
        static Row next(JsonParser rows) throws IOException {
            if (rows.nextToken() == null) {
                return null;
            }
            int line = 0;
            List<String> cells = new ArrayList<>();
            while (rows.nextToken() == JsonToken.VALUE_STRING) {
                // A record starts where its first value does: a quoted value may span lines.
                line = cells.isEmpty() ? rows.currentTokenLocation().getLineNr() : line;
                cells.add(rows.getText());
            }
            return new Row(line, cells);
        }

        /** The cell in a column; null when the column is absent, or the cell empty or missing from the line. */
        String cell(Map<String, Integer> columns, String column) {
            Integer at = columns.get(column);
            return at == null || at >= cells.size() || cells.get(at).isEmpty() ? null : cells.get(at);
        }
    }
}
