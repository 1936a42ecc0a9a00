package org.reciprocity.portal.contribution;

import org.reciprocity.portal.problem.InvalidRequestException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** A body of text (a CSV file, a list of values) as the exchange reads it: UTF-8, as JSON is, or not at all. */
final class TextBody {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private TextBody() {
    }

    /** @throws InvalidRequestException when the body is not UTF-8 */
    static String of(byte[] body) {
        String text;
        try {
            // Decoded strictly: a byte of another encoding would otherwise become a value nobody sent.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRequestException("the body is not UTF-8 text: save the file as UTF-8 (spreadsheets call "
                    + "it 'CSV UTF-8') and send it again", List.of());
        }
        // Spreadsheets start the files they save as UTF-8 with one; it is no part of the first line.
        return text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
    }
}
