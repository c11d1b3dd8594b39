package io.contactdetails.kernel;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The language stays free of frameworks, HTTP and storage, so both sides (and tests) can share it. */
@AnalyzeClasses(packages = "io.contactdetails.kernel", importOptions = ImportOption.DoNotIncludeTests.class)
class KernelArchitectureTest {
    @ArchTest
    static final ArchRule noSpringNoDatabase = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..", "java.sql..",
                    "javax.sql..", "jakarta..", "io.contactdetails.http..", "com.nimbusds..", "javax.crypto..");

    /** Of Axon, the language uses only serialization: revisions and upcasters. Handling lives in the sides. */
    @ArchTest
    static final ArchRule onlyAxonSerialization = noClasses().should().dependOnClassesThat(
            resideInAPackage("org.axonframework..").and(not(resideInAPackage("org.axonframework.serialization.."))));
}
