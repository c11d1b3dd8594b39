package io.contactdetails.query;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "io.contactdetails", importOptions = ImportOption.DoNotIncludeTests.class)
class QuerySideArchitectureTest {
    @ArchTest
    static final ArchRule theReadSideNeverImportsTheWriteSide = noClasses().that().resideInAPackage("io.contactdetails.query..")
            .should().dependOnClassesThat().resideInAPackage("io.contactdetails.command..");

    /** Read models are built and read without HTTP; only the web packages speak it. */
    @ArchTest
    static final ArchRule readModelsKnowNothingOfTheWeb = noClasses().that().resideInAPackage("io.contactdetails.query..readmodel..")
            .should().dependOnClassesThat().resideInAnyPackage("io.contactdetails.query..web..",
                    "org.springframework.web..", "jakarta.servlet..");
}
