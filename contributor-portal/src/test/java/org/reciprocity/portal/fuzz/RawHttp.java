package org.reciprocity.portal.fuzz;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte to the exchange's port on the loopback interface. A real client library would refuse
 * to send much of what the fuzz sends (control characters in headers, raw brackets in the query, a body that does not
 * match its type), and only a real socket shows what the servlet container answers by itself.
 */
final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    Answer send(Malformed request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            byte[] head = head(request);
            byte[] whole = Arrays.copyOf(head, head.length + request.body().length);
            System.arraycopy(request.body(), 0, whole, head.length, request.body().length);
            OutputStream out = socket.getOutputStream();
            // One write: a head and a body written apart wait on each other's acknowledgement.
            out.write(whole);
            out.flush();
            socket.shutdownOutput();
            return Answer.read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + request, e);
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

    /** What came back: the status, the headers (names in lower case) and the body as UTF-8 text. */
    record Answer(int status, Map<String, String> headers, String body) {

        String contentType() {
            return headers.get("content-type");
        }

        static Answer read(InputStream in) throws IOException {
            byte[] raw = in.readAllBytes();
            int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            if (end < 0) {
                throw new IOException("no complete response head in " + raw.length + " bytes");
            }
            String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.putIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunked(body);
            }
            return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
        }

        private static byte[] unchunked(byte[] chunked) throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = 0;
            while (true) {
                int lineEnd = indexOf(Arrays.copyOfRange(chunked, at, chunked.length), new byte[] {'\r', '\n'});
                if (lineEnd < 0) {
                    throw new IOException("a chunk without its size line");
                }
                String size = new String(chunked, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].strip();
                int length = Integer.parseInt(size, 16);
                at += lineEnd + 2;
                if (length == 0) {
                    return body.toByteArray();
                }
                body.write(chunked, at, length);
                at += length + 2;
            }
        }

        private static int indexOf(byte[] data, byte[] pattern) {
            for (int i = 0; i + pattern.length <= data.length; i++) {
                if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                    return i;
                }
            }
            return -1;
        }
    }
}
