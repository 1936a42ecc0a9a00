package org.reciprocity.portal.support;

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
 * to send much of this (control characters in headers, raw brackets in the query, a body that does not match its
 * type), and only a real socket shows what the servlet container answers by itself.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** Sends the lines of a request without a body (CRLF line ends added, and {@code Connection: close}). */
    public static Answer send(int port, String... lines) {
        String request = String.join("\r\n", lines) + "\r\nConnection: close\r\n\r\n";
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends a whole request, as it is, and reads the whole answer; the request asks for the connection's close. */
    public static Answer exchange(int port, byte[] request) {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            // One write: a head and a body written apart wait on each other's acknowledgement.
            out.write(request);
            out.flush();
            socket.shutdownOutput();
            return Answer.read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("no answer to " + new String(request, 0, Math.min(request.length, 200),
                    StandardCharsets.ISO_8859_1), e);
        }
    }

    /** What came back: the status, the headers (names in lower case) and the body as UTF-8 text. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String contentType() {
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
