package org.reciprocity.portal.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

import java.io.IOException;

/**
 * A request body read as it is, with each stretch of bytes shown to {@link #passed} as it goes by, and the end to
 * {@link #ended}: either may fail the read, which the caller then sees as a body it could not read.
 */
abstract class WatchedBody extends ServletInputStream {

    private final ServletInputStream body;

    WatchedBody(ServletInputStream body) {
        this.body = body;
    }

    /** The bytes just read, {@code length} of them from {@code offset}. */
    abstract void passed(byte[] bytes, int offset, int length) throws IOException;

    /** The body ended. */
    void ended() throws IOException {
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = body.read(buffer, offset, length);
        if (n > 0) {
            passed(buffer, offset, n);
        } else if (n < 0) {
            ended();
        }
        return n;
    }

    @Override
    public boolean isFinished() {
        return body.isFinished();
    }

    @Override
    public boolean isReady() {
        return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        body.setReadListener(listener);
    }
}
