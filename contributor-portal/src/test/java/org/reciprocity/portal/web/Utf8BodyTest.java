package org.reciprocity.portal.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A JSON body is checked byte by byte as it is read, however the reads cut it. */
class Utf8BodyTest {

    private static final byte[] BODY = "{\"name\": \"Bãnk ключ \uD83D\uDEE1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void utf8CutAnywhereBetweenReadsPassesUnchanged() throws Exception {
        for (int chunk = 1; chunk <= 5; chunk++) {
            assertThat(readThrough(BODY, chunk)).as("read %d bytes at a time", chunk).isEqualTo(BODY);
        }
    }

    @Test
    void aByteThatBreaksUtf8FailsTheRead() {
        byte[] broken = BODY.clone();
        broken[3] = (byte) 0xff;
        assertThatThrownBy(() -> readThrough(broken, 2)).hasRootCauseInstanceOf(Utf8Body.NotUtf8.class)
                .hasRootCauseMessage("the body is not UTF-8 at byte 3");
    }

    @Test
    void aSequenceTheBodyEndsInTheMiddleOfFailsTheRead() {
        byte[] cut = Arrays.copyOf(BODY, BODY.length - 3);
        assertThatThrownBy(() -> readThrough(cut, 4)).hasRootCauseInstanceOf(Utf8Body.NotUtf8.class);
    }

    @Test
    void aRawNulFailsTheRead() {
        byte[] utf16 = "{}".getBytes(StandardCharsets.UTF_16LE);
        assertThatThrownBy(() -> readThrough(utf16, 8)).hasRootCauseInstanceOf(Utf8Body.NotUtf8.class);
    }

    private static byte[] readThrough(byte[] body, int chunk) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/contributions") {
            @Override
            public ServletInputStream getInputStream() {
                return new Trickle(body, chunk);
            }
        };
        request.setContentType("application/json");
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        new Utf8Body().doFilter(request, new MockHttpServletResponse(), (passed, response) -> {
            try {
                ServletInputStream in = ((HttpServletRequest) passed).getInputStream();
                byte[] buffer = new byte[chunk];
                for (int n; (n = in.read(buffer, 0, chunk)) >= 0; ) {
                    read.write(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return read.toByteArray();
    }

    /** A body that arrives a few bytes at a time, as a slow connection delivers it. */
    private static final class Trickle extends ServletInputStream {

        private final ByteArrayInputStream bytes;
        private final int chunk;

        Trickle(byte[] body, int chunk) {
            this.bytes = new ByteArrayInputStream(body);
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return bytes.read(buffer, offset, Math.min(length, chunk));
        }

        @Override
        public boolean isFinished() {
            return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException();
        }
    }
}
