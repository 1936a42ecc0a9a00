package org.reciprocity.portal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reciprocity.portal.support.ExchangeClient;
import org.reciprocity.portal.support.TestDatabases;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first start, as a new user meets it: no key configured, so one is generated, written once to a file only its
 * owner can read, and the log says where but never what. The data folder, with the database in it, is closed to
 * every other local user.
 */
@ExtendWith(OutputCaptureExtension.class)
class OperatorBootstrapTest {

    @Test
    void theFirstStartGeneratesTheOperatorKeyIntoAnOwnerOnlyFileAndLaterStartsLeaveItAlone(CapturedOutput output)
            throws Exception {
        String dataDir = TestDatabases.dataDir("bootstrap");
        // As a folder made by hand usually is: everyone may look in.
        Files.setPosixFilePermissions(Path.of(dataDir), PosixFilePermissions.fromString("rwxr-xr-x"));
        Path keyFile = TestDatabases.keyFile(dataDir);
        String key;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            assertThat(Files.getPosixFilePermissions(Path.of(dataDir))).as("the data folder")
                    .isEqualTo(PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> files = Files.list(Path.of(dataDir))) {
                assertThat(files.toList()).as("the database, the keys").hasSizeGreaterThanOrEqualTo(3)
                        .allSatisfy(file -> assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
                                .isEqualTo(PosixFilePermissions.fromString("rw-------")));
            }
            assertThat(keyFile).exists();
            assertThat(Files.getPosixFilePermissions(keyFile))
                    .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
            key = Files.readString(keyFile).strip();
            assertThat(output.getOut()).contains("its API key is in " + keyFile.toAbsolutePath())
                    .doesNotContain(key);
            var me = ExchangeClient.over(uri(first), () -> key).get("/api/me", key);
            assertThat(me.body().path("participant").path("kind").asText()).isEqualTo("operator");
        }
        try (ConfigurableApplicationContext second = start(dataDir)) {
            assertThat(Files.readString(keyFile).strip()).isEqualTo(key);
            assertThat(ExchangeClient.over(uri(second), () -> key).get("/api/me", key).status()).isEqualTo(200);
            assertThat(Files.list(Path.of(dataDir)).map(path -> path.getFileName().toString()))
                    .doesNotContain("operator.key.pending");
        }
    }

    @Test
    void aKeyFileWithoutItsDatabaseStopsTheStartRatherThanBeOverwritten() throws Exception {
        String dataDir = TestDatabases.dataDir("orphan-key");
        Files.writeString(TestDatabases.keyFile(dataDir), "rx_key-of-a-database-that-is-gone\n");
        assertThatThrownBy(() -> start(dataDir, "jdbc:h2:mem:orphan-key"))
                .hasStackTraceContaining("exists but no operator is registered");
        assertThat(Files.readString(TestDatabases.keyFile(dataDir))).isEqualTo("rx_key-of-a-database-that-is-gone\n");
    }

    @Test
    void aConfiguredKeyThatNoRequestCouldPresentIsRefusedRatherThanRegistered() {
        // Pasted with a trailing space: a header's value loses it in transit, so the operator could never sign in,
        // and since the key is read on the first start only, nobody could ever register anyone.
        String spaced = "rx_operator-key-pasted-with-a-trailing-space ";
        assertThatThrownBy(() -> new SpringApplicationBuilder(ExchangeApplication.class).run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=jdbc:h2:mem:spaced-key",
                "--exchange.data-dir=" + TestDatabases.dataDir("spaced-key"),
                "--exchange.operator.initial-key=" + spaced))
                .isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("EXCHANGE_OPERATOR_KEY holds a space or another character");
    }

    private static ConfigurableApplicationContext start(String dataDir, String databaseUrl) {
        return new SpringApplicationBuilder(ExchangeApplication.class).run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + databaseUrl,
                "--exchange.data-dir=" + dataDir);
    }

    private static ConfigurableApplicationContext start(String dataDir) {
        return new SpringApplicationBuilder(ExchangeApplication.class).run(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                // The embedded default itself: an H2 file under the data folder.
                "--exchange.data-dir=" + dataDir);
    }

    private static URI uri(ConfigurableApplicationContext node) {
        return URI.create("http://localhost:" + ((WebServerApplicationContext) node).getWebServer().getPort());
    }
}
