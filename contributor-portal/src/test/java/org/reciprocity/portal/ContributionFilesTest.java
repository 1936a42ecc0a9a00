package org.reciprocity.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.reciprocity.portal.support.ExchangeClient.Response;
import org.reciprocity.portal.support.Participant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reciprocity.portal.ExchangeContract.unique;
import static org.reciprocity.portal.ExchangeContract.uniqueHex;
import static org.reciprocity.portal.ExchangeContract.uniqueIp;
import static org.reciprocity.portal.support.ExchangeClient.item;

/**
 * Contributions sent as files: CSV with a header row, and plain lists of values. Each is the same contribution as its
 * items sent in JSON, and each line at fault is named by its number in the file.
 */
class ContributionFilesTest extends H2ExchangeTest {

    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    @Test
    void aCsvFileIsTheSameContributionAsItsItemsInJson() {
        Participant bank = exchange().register("firm");
        String ip = uniqueIp();
        String url = "https://" + unique("phish") + ".example/login?a=1,b=2";
        String domain = unique("evil") + ".example.com";
        String csv = """
                value,type,tlp,confidence,tags,firstSeen
                %s,ipv4,GREEN,80,C2;botnet,2026-11-20T00:00:00Z
                "%s",url,RED,100,,
                %s,domain,AMBER,,,
                %s,ipv4,RED,10,,
                """.formatted(ip, url, domain.toUpperCase(), ip);

        Response receipt = exchange().post("/api/contributions", bank.apiKey(), "file-1", csv, CSV);

        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        assertThat(receipt.body().path("itemsAccepted").asInt()).isEqualTo(3);
        assertThat(receipt.body().path("duplicatesInRequest").asInt()).isEqualTo(1);
        // GREEN at confidence 80: 0.9; RED at 100: 0.25; AMBER without a confidence: 0.5.
        assertThat(receipt.body().path("creditEarned").decimalValue()).isEqualByComparingTo("1.65");
        Map<String, Object> address = item("ipv4", ip, "GREEN");
        address.put("confidence", 80);
        address.put("tags", List.of("botnet", "c2"));
        address.put("firstSeen", "2026-11-20T00:00:00Z");
        Map<String, Object> unsure = item("domain", domain, "AMBER");
        unsure.remove("confidence");
        Map<String, Object> again = item("ipv4", ip, "RED");
        again.put("confidence", 10);
        Response json = exchange().contribute(bank, "file-1", List.of(address, item("url", url, "RED"), unsure, again));
        assertThat(json.status()).as("the same items under the same key: answered as the first time, not refused")
                .isEqualTo(201);
        assertThat(json.body()).isEqualTo(receipt.body());
    }

    @Test
    void aListOfValuesIsTheSameContributionAsItsItemsInJsonEachOfTheTypeItsTextIs() {
        Participant bank = exchange().register("firm");
        List<String[]> values = List.of(new String[] {"ipv4", uniqueIp()},
                new String[] {"ipv6", "2001:db8::" + Integer.toHexString(ExchangeContract.Unique.next() & 0xffff)},
                new String[] {"domain", unique("c2") + ".example.net"},
                new String[] {"url", "http://" + unique("drop") + ".example/payload.bin"},
                new String[] {"email", unique("phisher") + "@evil.example.com"},
                new String[] {"md5", uniqueHex(32)}, new String[] {"sha1", uniqueHex(40)},
                new String[] {"sha256", uniqueHex(64)});
        StringBuilder list = new StringBuilder("# exported from the SIEM\n\n");
        values.forEach(value -> list.append("  ").append(value[1]).append("\r\n"));

        Response receipt = exchange().post("/api/contributions?tlp=GREEN", bank.apiKey(), "list-1",
                list.toString(), MediaType.TEXT_PLAIN);

        assertThat(receipt.status()).as(receipt.body().toString()).isEqualTo(201);
        assertThat(receipt.body().path("newItems").asInt()).isEqualTo(8);
        // Nothing says how sure the sender is: each earns the weight of an unstated confidence.
        assertThat(receipt.body().path("creditEarned").decimalValue()).isEqualByComparingTo("4");
        List<Map<String, Object>> items = values.stream().map(value -> {
            Map<String, Object> item = item(value[0], value[1], "GREEN");
            item.remove("confidence");
            return item;
        }).toList();
        Response json = exchange().contribute(bank, "list-1", items);
        assertThat(json.status()).as("typed as the list's values were: answered as the first time").isEqualTo(201);
        assertThat(json.body()).isEqualTo(receipt.body());
    }

    @Test
    void everyInvalidLineOfACsvFileIsNamedByItsNumberInTheFileAndNothingIsStored() {
        Participant bank = exchange().register("firm");
        long eventsBefore = events();
        String csv = """
                type,value,tlp,confidence
                ipv4,%s,GREEN,80
                ipv4,999.1.1.1,GREEN,80

                domain,%s,GREEN,high
                url,"https://%s.example/a
                b",GREEN,
                md5,%s,WHITE,
                ipv4,%s,GREEN,80,extra
                """.formatted(uniqueIp(), unique("ok") + ".example", unique("two-lines"), uniqueHex(32), uniqueIp());

        Response refused = exchange().post("/api/contributions", bank.apiKey(), "k", csv, CSV);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.body().path("errors")).extracting(error -> error.path("field").asText())
                .containsExactly("lines[3].value", "lines[5].confidence", "lines[6].value", "lines[8].tlp",
                        "lines[9]");
        assertThat(message(refused, "lines[5].confidence")).contains("whole number", "'high'");
        assertThat(message(refused, "lines[6].value")).contains("control character");
        assertThat(message(refused, "lines[9]")).contains("5 values", "4 columns", "quote");
        assertThat(refused.body().path("detail").asText()).startsWith("5 of 6 items are invalid");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    @Test
    void aHeaderNamingColumnsAContributionDoesNotHaveIsRefusedByName() {
        Participant bank = exchange().register("firm");
        Response refused = exchange().post("/api/contributions", bank.apiKey(), "k",
                "type,value,confidance\nipv4," + uniqueIp() + ",80\n", CSV);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors")).extracting(error -> error.path("field").asText())
                .containsOnly("lines[1]");
        assertThat(refused.body().path("errors")).extracting(error -> error.path("message").asText())
                .satisfiesExactly(
                        unknown -> assertThat(unknown).contains("column 3", "'confidance'", "type, value, tlp"),
                        missing -> assertThat(missing).contains("no column 'tlp'"));
    }

    @Test
    void everyInvalidLineOfAListIsNamedByItsNumberInTheFile() {
        Participant bank = exchange().register("firm");
        String list = "# one value a line\n" + uniqueIp() + "\n\n999.1.1.1\nlocalhost\nnot a value\n";

        Response refused = exchange().post("/api/contributions?tlp=GREEN", bank.apiKey(), "k", list,
                MediaType.TEXT_PLAIN);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors")).extracting(error -> error.path("field").asText())
                .containsExactly("lines[4].value", "lines[5].value", "lines[6].value");
        assertThat(message(refused, "lines[4].value")).startsWith("'999.1.1.1' is not an IPv4 or IPv6 address");
        assertThat(message(refused, "lines[5].value")).contains("single label");
    }

    @Test
    void aListIsMarkedAsAWholeByTheQuery() {
        Participant bank = exchange().register("firm");
        String list = uniqueHex(64) + "\n";

        Response unmarked = exchange().post("/api/contributions", bank.apiKey(), "k", list, MediaType.TEXT_PLAIN);
        assertThat(unmarked.status()).isEqualTo(400);
        assertThat(unmarked.body().path("errors").path(0).path("field").asText()).isEqualTo("tlp");
        assertThat(unmarked.body().path("detail").asText()).contains("?tlp=GREEN");
        // What a server makes of ?tlp=AMBER+STRICT: a '+' in a query is a space.
        Response spaced = exchange().post("/api/contributions?tlp=AMBER%20STRICT", bank.apiKey(), "k", list,
                MediaType.TEXT_PLAIN);
        assertThat(spaced.status()).isEqualTo(400);
        assertThat(spaced.body().path("detail").asText()).contains("AMBER%2BSTRICT");

        Response strict = exchange().post("/api/contributions?tlp=AMBER%2BSTRICT", bank.apiKey(), "k", list,
                MediaType.TEXT_PLAIN);
        assertThat(strict.status()).isEqualTo(201);
        // AMBER+STRICT weighs 0.5, an unstated confidence 0.5.
        assertThat(strict.body().path("creditEarned").decimalValue()).isEqualByComparingTo(new BigDecimal("0.25"));
    }

    @Test
    void aFileThatIsNotUtf8OrNotCsvIsRefusedWhole() throws Exception {
        Participant bank = exchange().register("firm");
        long eventsBefore = events();
        MockHttpServletResponse latin1 = mvc.perform(MockMvcRequestBuilders.post("/api/contributions")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bank.apiKey()).header("Idempotency-Key", "k")
                .contentType(CSV).content(new byte[] {'t', 'y', 'p', 'e', ',', 'v', 'a', 'l', 'u', 'e', ',', 't', 'l',
                        'p', '\n', 'd', 'o', 'm', 'a', 'i', 'n', ',', 'b', (byte) 0xFC, 'c', 'h', 'e', 'r', '.', 'd',
                        'e', ',', 'G', 'R', 'E', 'E', 'N', '\n'})).andReturn().getResponse();
        assertThat(latin1.getStatus()).isEqualTo(400);
        assertThat(latin1.getContentAsString()).contains("not UTF-8");

        Response unclosed = exchange().post("/api/contributions", bank.apiKey(), "k",
                "type,value,tlp\nurl,\"https://" + unique("open") + ".example/,GREEN\n", CSV);
        assertThat(unclosed.status()).isEqualTo(400);
        assertThat(unclosed.isProblem()).isTrue();
        assertThat(unclosed.body().path("detail").asText()).startsWith("the body is not CSV: Missing closing quote");
        assertThat(events()).isEqualTo(eventsBefore);
    }

    private static String message(Response response, String field) {
        for (JsonNode error : response.body().path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + ": " + response.body());
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
