package org.reciprocity.portal.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A JSON body is UTF-8 throughout, without a raw NUL, or it is not read. Jackson, reading bytes, takes some sequences that are not UTF-8
 * into a field's name or value rather than refuse them (a name with a stray 0xFF byte read as a known one); here
 * every byte is checked as it passes, and the first that breaks UTF-8 fails the read, so that the body is refused
 * whole as unreadable.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class Utf8Body extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(isJson(request.getContentType()) ? new Checked(request) : request, response);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        MediaType type = MediaType.parseMediaType(contentType);
        return type.getSubtype().equals("json") || type.getSubtype().endsWith("+json");
    }

    /** A body that breaks UTF-8. */
    public static class NotUtf8 extends IOException {

        NotUtf8(long at) {
            super("the body is not UTF-8 at byte " + at);
        }
    }

    private static final class Checked extends HttpServletRequestWrapper {

        private ServletInputStream checked;

        Checked(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (checked == null) {
                checked = new CheckingStream(super.getInputStream());
            }
            return checked;
        }
    }

    private static final class CheckingStream extends WatchedBody {

        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer discarded = CharBuffer.allocate(4096);
        // The bytes of a sequence a read ended in the middle of: at most three.
        private ByteBuffer unfinished = ByteBuffer.allocate(0);
        private long checkedBytes;

        CheckingStream(ServletInputStream body) {
            super(body);
        }

        @Override
        void passed(byte[] bytes, int offset, int length) throws NotUtf8 {
            check(ByteBuffer.wrap(bytes, offset, length), false);
        }

        @Override
        void ended() throws NotUtf8 {
            check(ByteBuffer.allocate(0), true);
        }

        private void check(ByteBuffer bytes, boolean end) throws NotUtf8 {
            // NUL is UTF-8 but never JSON text, raw; where it stands, the body is UTF-16 or UTF-32 read as bytes.
            for (int i = bytes.position(); i < bytes.limit(); i++) {
                if (bytes.get(i) == 0) {
                    throw new NotUtf8(checkedBytes + unfinished.remaining() + i - bytes.position());
                }
            }
            // Read as it stands, but for the few bytes of a sequence the last read ended in the middle of.
            ByteBuffer input = bytes;
            int start = bytes.position();
            if (unfinished.hasRemaining()) {
                start = 0;
                input = ByteBuffer.allocate(unfinished.remaining() + bytes.remaining());
                input.put(unfinished).put(bytes).flip();
            }
            while (true) {
                discarded.clear();
                CoderResult result = decoder.decode(input, discarded, end);
                if (result.isError()) {
                    throw new NotUtf8(checkedBytes + input.position() - start);
                }
                if (!result.isOverflow()) {
                    break;
                }
            }
            checkedBytes += input.position() - start;
            // Copied: the bytes left over lie in the reader's buffer, which its next read overwrites.
            unfinished = ByteBuffer.allocate(input.remaining()).put(input).flip();
            if (end && unfinished.hasRemaining()) {
                throw new NotUtf8(checkedBytes);
            }
        }
    }
}
