package io.contactdetails.command;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Package by feature, then by role: the model decides, the application loads and asks, the web reads and renders. */
@AnalyzeClasses(packages = "io.contactdetails", importOptions = ImportOption.DoNotIncludeTests.class)
class CommandSideArchitectureTest {
    @ArchTest
    static final ArchRule theWriteSideNeverImportsTheReadSide = noClasses().that().resideInAPackage("io.contactdetails.command..")
            .should().dependOnClassesThat().resideInAPackage("io.contactdetails.query..");

    @ArchTest
    static final ArchRule modelsDependOnNothingAroundThem = noClasses().that().resideInAPackage("io.contactdetails.command..model..")
            .should().dependOnClassesThat().resideInAnyPackage("io.contactdetails.command..application..",
                    "io.contactdetails.command..web..", "io.contactdetails.command..infrastructure..",
                    "io.contactdetails.http..", "org.springframework.web..", "jakarta.servlet..",
                    "com.fasterxml.jackson.databind..", "org.springframework.jdbc..");

    @ArchTest
    static final ArchRule applicationKnowsNothingOfTheWeb = noClasses().that().resideInAPackage("io.contactdetails.command..application..")
            .should().dependOnClassesThat().resideInAnyPackage("io.contactdetails.command..web..",
                    "io.contactdetails.http..", "org.springframework.web..", "jakarta.servlet..");
}
