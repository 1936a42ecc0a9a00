package org.reciprocity.portal.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP written byte by byte, for what an HTTP client library will not send: control characters in a header, a raw
 * bracket in a query, a path with an encoded slash. Each request asks the server to close the connection afterwards.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends the request text (with CRLF line ends added) and reads the whole answer. */
    public static Answer send(int port, String... lines) {
        String request = String.join("\r\n", lines) + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return Answer.of(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            // What arrived is the answer.
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** An answer: its status, its Content-Type and its body (chunks joined). */
    public record Answer(int status, String contentType, String body) {

        static Answer of(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = split < 0 ? raw : raw.substring(0, split);
            String body = split < 0 ? "" : raw.substring(split + 4);
            String[] lines = head.split("\r\n");
            int status = lines[0].isEmpty() ? -1 : Integer.parseInt(lines[0].split(" ")[1]);
            String contentType = null;
            boolean chunked = false;
            for (String line : lines) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring(line.indexOf(':') + 1).strip();
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            return new Answer(status, contentType, chunked ? unchunked(body) : body);
        }

        private static String unchunked(String body) {
            StringBuilder joined = new StringBuilder();
            int at = 0;
            while (at < body.length()) {
                int end = body.indexOf("\r\n", at);
                int size = Integer.parseInt(body.substring(at, end).strip(), 16);
                if (size == 0) {
                    break;
                }
                joined.append(body, end + 2, end + 2 + size);
                at = end + 2 + size + 2;
            }
            return joined.toString();
        }
    }
}
