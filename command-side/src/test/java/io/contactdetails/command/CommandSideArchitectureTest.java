package io.contactdetails.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.contactdetails", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {
    @ArchTest
    static final ArchRule theWriteSideNeverImportsTheReadSide = noClasses().that().resideInAPackage("io.contactdetails.command..")
            .should().dependOnClassesThat().resideInAPackage("io.contactdetails.query..");

    /** Aggregates decide in domain terms; HTTP and JSON stay in the controllers and the error mapping. */
    @ArchTest
    static final ArchRule aggregatesKnowNothingOfTheWeb = noClasses().that().haveSimpleNameNotEndingWith("Controller")
            .and().haveSimpleNameNotEndingWith("Request").and().haveSimpleNameNotEndingWith("Resources")
            .and().resideInAnyPackage("io.contactdetails.command.account", "io.contactdetails.command.contactdetail",
                    "io.contactdetails.command.firm")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                    "com.fasterxml.jackson.databind..");
}
