package org.reciprocity.core.kernel;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rule kernel is plain code: nothing it uses, however far down, reaches a framework, a database or a clock, so
 * that the account deciding live and the auditor replaying decide with the same functions on the same values.
 */
class KernelPurityTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.reciprocity.core");

    @Test
    void theKernelReachesNoFrameworkNorDatabase() {
        noClasses().that().resideInAPackage("org.reciprocity.core.kernel..")
                .should().transitivelyDependOnClassesThat().resideInAnyPackage("org.axonframework..",
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta..", "org.h2..",
                        "org.postgresql..", "org.hibernate..")
                .check(CORE);
    }

    @Test
    void theKernelReadsNoClock() {
        noClasses().that().resideInAPackage("org.reciprocity.core.kernel..")
                .should().callMethod(Instant.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(CORE);
    }

    @Test
    void theEventsTheKernelDecidesAreAsPlainAsIt() {
        noClasses().that().resideInAPackage("org.reciprocity.core.event..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..", "org.springframework..",
                        "java.sql..")
                .check(CORE);
    }
}
