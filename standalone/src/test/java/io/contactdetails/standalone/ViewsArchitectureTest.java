package io.contactdetails.standalone;

import com.fasterxml.jackson.annotation.JsonView;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Every class of every side. */
@AnalyzeClasses(packages = "io.contactdetails", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewsArchitectureTest {
    /**
     * Bodies are read and written without Jackson's view advice (HttpApiAutoConfiguration, http-api), so a view
     * declared here would be ignored in the answers while springdoc still applied it to the published schemas.
     */
    @ArchTest
    static final ArchRule noJsonViews = noClasses().should().dependOnClassesThat().belongToAnyOf(JsonView.class);
}
