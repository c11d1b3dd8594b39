package io.contactdetails.http;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** What both sides share knows neither of them, nor any store. */
@AnalyzeClasses(packages = "io.contactdetails.http", importOptions = ImportOption.DoNotIncludeTests.class)
class HttpApiArchitectureTest {
    @ArchTest
    static final ArchRule knowsNeitherSide = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("io.contactdetails.command..", "io.contactdetails.query..", "com.mongodb..",
                    "org.springframework.jdbc..", "java.sql..");
}
