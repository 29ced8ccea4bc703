package dev.layerwatch.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The services meet only through events ({@code common}) and the engine: none imports another. Only this
 * module, which runs them all in one process, sees every one of them. Checked here because only here are
 * all services on one class path.
 */
class ServiceBoundariesTest {

    private static final String[] SERVICES = {
        "dev.layerwatch.ingest..", "dev.layerwatch.scan..", "dev.layerwatch.notify..", "dev.layerwatch.report.."};

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.layerwatch");

    @Test
    void noServiceImportsAnother() {
        for (String service : SERVICES) {
            String[] others = Arrays.stream(SERVICES).filter(s -> !s.equals(service)).toArray(String[]::new);
            noClasses().that().resideInAPackage(service)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("services talk through events on topics, not through each other's classes")
                    .allowEmptyShould(true) // a service not built yet (report-service) has nothing to check
                    .check(CLASSES);
        }
    }

    @Test
    void theEngineAndCommonKnowNoService() {
        noClasses().that().resideInAnyPackage("dev.layerwatch.engine..", "dev.layerwatch.common..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES)
                .check(CLASSES);
    }

    /** The rules above would pass on an empty class path: make sure they saw the services they speak of. */
    @Test
    void theRulesSeeTheServices() {
        for (String service : new String[] {"dev.layerwatch.ingest", "dev.layerwatch.scan", "dev.layerwatch.notify"}) {
            assertThat(CLASSES.stream().anyMatch(c -> c.getPackageName().startsWith(service))).as(service).isTrue();
        }
    }
}
