package dev.layerwatch.common;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** {@code common} is the shared vocabulary: plain Java, beneath every other module, free of cycles. */
class CommonArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.layerwatch.common");

    @Test
    void commonIsPlainJavaWithoutSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(CLASSES);
    }

    @Test
    void commonKnowsNoOtherModule() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.layerwatch.engine..", "dev.layerwatch.ingest..",
                "dev.layerwatch.scan..", "dev.layerwatch.notify..", "dev.layerwatch.report..", "dev.layerwatch.cli..",
                "dev.layerwatch.standalone..").check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.layerwatch.common.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
