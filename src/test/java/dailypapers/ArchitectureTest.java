package dailypapers;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.javalin.http.Context;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency arrows of STYLE.md: features point inward; web, cli and store are shells around them. */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dailypapers");
    }

    @Test
    void paperImportsNothingOfOurs() {
        noClasses().that().resideInAPackage("dailypapers.paper..")
                .should().dependOnClassesThat().resideInAnyPackage("dailypapers.feed..", "dailypapers.ingest..",
                        "dailypapers.web..", "dailypapers.cli..", "dailypapers.store..")
                .check(classes);
    }

    @Test
    void featuresDoNotKnowTheShellsOrTheirFrameworks() {
        noClasses().that().resideInAnyPackage("dailypapers.paper..", "dailypapers.feed..", "dailypapers.ingest..",
                        "dailypapers.embedding..", "dailypapers.eval..", "dailypapers.search..", "dailypapers.job..",
                        "dailypapers.mail..", "dailypapers.account..", "dailypapers.vote..", "dailypapers.token..",
                        "dailypapers.submission..", "dailypapers.comment..", "dailypapers.takeout..",
                        "dailypapers.ops..")
                .should().dependOnClassesThat().resideInAnyPackage("dailypapers.web..", "dailypapers.cli..",
                        "dailypapers.store..", "io.javalin..", "picocli..", "org.jdbi..", "gg.jte..")
                .check(classes);
    }

    @Test
    void webAndCliDoNotTouchTheDatabaseDirectly() {
        noClasses().that().resideInAnyPackage("dailypapers.web..", "dailypapers.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dailypapers.store..", "org.jdbi..", "java.sql..")
                .check(classes);
    }

    @Test
    void theSearchSeamIsEngineNeutral() {
        noClasses().that().resideOutsideOfPackage("dailypapers.search.lucene..")
                .should().dependOnClassesThat().resideInAPackage("org.apache.lucene..")
                .check(classes);
        noClasses().that().resideInAPackage("dailypapers.search")
                .should().dependOnClassesThat().resideInAPackage("dailypapers.search.lucene..")
                .check(classes);
    }

    @Test
    void onlyParamsReadsTheQueryString() {
        noClasses().that().doNotHaveFullyQualifiedName("dailypapers.web.Params")
                .should().callMethodWhere(DescribedPredicate.describe("a query-parameter method of Javalin's Context",
                        call -> call.getTargetOwner().isAssignableTo(Context.class)
                                && call.getName().startsWith("queryParam")))
                .because("Params decodes the query strictly and refuses a repeated parameter, for every route")
                .check(classes);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("dailypapers.(*)..").should().beFreeOfCycles().check(classes);
    }
}
