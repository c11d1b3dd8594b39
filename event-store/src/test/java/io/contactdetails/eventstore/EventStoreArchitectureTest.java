package io.contactdetails.eventstore;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The event store every process reads knows neither side, nor the read models' store, nor how requests come in. */
@AnalyzeClasses(packages = "io.contactdetails.eventstore", importOptions = ImportOption.DoNotIncludeTests.class)
class EventStoreArchitectureTest {
    @ArchTest
    static final ArchRule knowsNeitherSide = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.contactdetails.command..", "io.contactdetails.query..", "com.mongodb..",
                    "jakarta.servlet..", "org.springframework.web..");
}
