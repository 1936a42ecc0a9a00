package org.reciprocity.portal.fuzz;

import org.reciprocity.portal.support.RawHttp;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A malformed request as it goes on the wire to the exchange's port, through {@link RawHttp}. */
final class Wire {

    private final int port;

    Wire(int port) {
        this.port = port;
    }

    RawHttp.Answer send(Malformed request) {
        byte[] head = head(request);
        byte[] whole = Arrays.copyOf(head, head.length + request.body().length);
        System.arraycopy(request.body(), 0, whole, head.length, request.body().length);
        try {
            return RawHttp.exchange(port, whole);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("no answer to " + request, e.getCause());
        }
    }

    private byte[] head(Malformed request) {
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(port).append("\r\n")
                .append("Connection: close\r\n");
        request.headers().forEach(header -> head.append(header.name()).append(": ").append(header.value())
                .append("\r\n"));
        if (request.body().length > 0) {
            head.append("Content-Length: ").append(request.body().length).append("\r\n");
        }
        // Header values go out as UTF-8, as clients send them; the container reads them as ISO-8859-1.
        return head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }
}
