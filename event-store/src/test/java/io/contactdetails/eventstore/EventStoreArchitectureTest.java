package io.contactdetails.eventstore;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.contactdetails.http.resource.StreamReads;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The event store every process reads takes from the shared web module only the port it serves ({@link StreamReads}),
 * and knows nothing of how requests come in or of the read models' store.
 */
@AnalyzeClasses(packages = "io.contactdetails.eventstore", importOptions = ImportOption.DoNotIncludeTests.class)
class EventStoreArchitectureTest {
    @ArchTest
    static final ArchRule onlyThePortItServes = noClasses().should().dependOnClassesThat(
            resideInAnyPackage("io.contactdetails.http..", "jakarta.servlet..", "org.springframework.web..",
                    "com.mongodb..").and(not(equivalentTo(StreamReads.class))));
}
