package org.reciprocity.portal;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.reciprocity.core.messaging.ExchangeClock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** The seams the code keeps: one clock, decisions in the kernel alone, a ledger of its own tables. */
class ArchitectureTest {

    // The other modules' tests arrive in their test jars, which the predefined option does not know.
    private static final JavaClasses EXCHANGE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.reciprocity.core", "org.reciprocity.ledger", "org.reciprocity.portal");

    @Test
    void nothingReadsTheTimeButTheExchangesClock() {
        noClasses().that().doNotHaveFullyQualifiedName(ExchangeClock.class.getName())
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(EXCHANGE);
    }

    /** The web layer hands requests to the accounts and shows what they decided; it applies no rule itself. */
    @Test
    void theWebLayerDecidesNothing() {
        noClasses().that().resideInAPackage("org.reciprocity.portal..")
                .should().dependOnClassesThat(RULES)
                .check(EXCHANGE);
    }

    // Of the kernel, the web layer may name only what an offer to draw is made of: the values it pages through.
    private static final DescribedPredicate<JavaClass> RULES = JavaClass.Predicates.resideInAPackage(
            "org.reciprocity.core.kernel").and(DescribedPredicate.not(JavaClass.Predicates.simpleName("Offer")
            .or(JavaClass.Predicates.simpleName("OfferedItem")))).as("the rule kernel's rules");

    /** The read side keeps its own tables: it reads the command side's registries nowhere. */
    @Test
    void theLedgerReadsNoTableOfTheCommandSide() throws IOException {
        List<String> registries = List.of("shared_item", "contributed_item", "delivered_item", "acted_on",
                "request_log", "pool_member", "participant_directory", "participant_key", "policy_version",
                "sharing_group", "sharing_group_member", "item_share", "share_audience");
        Path ledger = Path.of("../reciprocity-ledger/src/main/java");
        assertThat(ledger).isDirectory();
        try (Stream<Path> files = Files.walk(ledger)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                assertThat(registries).as(file.toString()).noneMatch(table -> source.matches(
                        "(?is).*\\b(from|join|into|update)\\s+" + table + "\\b.*"));
            }
        }
    }
}
