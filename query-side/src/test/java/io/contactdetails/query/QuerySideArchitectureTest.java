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
}
