package org.reciprocity.portal.support;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person at the portal over real HTTP, without a browser: it keeps its cookies, reads each form's anti-forgery
 * token from the page, and signs in with a key as the sign-in form does.
 */
public final class PortalVisitor {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    public PortalVisitor(int port) {
        this.base = "http://localhost:" + port;
    }

    public void signIn(String key) throws Exception {
        HttpResponse<String> signedIn = post("/sign-in", Map.of("key", key, "_csrf", token("/sign-in")));
        assertThat(signedIn.statusCode()).as("signed in").isEqualTo(302);
    }

    /** The token the form on the page carries. */
    public String token(String page) throws Exception {
        Matcher token = TOKEN.matcher(get(page).body());
        assertThat(token.find()).as("the form on " + page + " carries its token").isTrue();
        return token.group(1);
    }

    /** The session cookie's value; null while there is none. */
    public String session() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("RX_SESSION"))
                .map(cookie -> cookie.getValue()).findFirst().orElse(null);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
