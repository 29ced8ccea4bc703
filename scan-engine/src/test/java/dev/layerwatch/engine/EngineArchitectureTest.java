package dev.layerwatch.engine;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The engine's architecture, as rules on its compiled classes. Read top to bottom, they are its package map:
 * contracts at the bottom, ecosystems beside each other on top of the contracts, the flow (per-layer results,
 * image assembly, matching, the entry point, reports) above them, and {@code standard} alone naming every
 * ecosystem. A rule that fails names the offending class and dependency.
 */
class EngineArchitectureTest {

    private static final String ENGINE = "dev.layerwatch.engine";

    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ENGINE);

    /** The contracts: the image model, the layer reader, the inventory model, version schemes, the cataloger SPI. */
    private static final String[] CONTRACTS = {
        ENGINE + ".image..", ENGINE + ".layer..", ENGINE + ".inventory..", ENGINE + ".version..", ENGINE + ".catalog.."};

    @Test
    void noPackageCycles() {
        slices().matching(ENGINE + ".(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void theEngineIsPlainJavaWithoutSpring() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(CLASSES);
    }

    @Test
    void contractsDependOnNothingAboveThem() {
        noClasses().that().resideInAnyPackage(CONTRACTS)
                .should().dependOnClassesThat(resideInAPackage(ENGINE + "..").and(not(resideInAnyPackage(CONTRACTS))))
                .check(CLASSES);
    }

    @Test
    void theLayerReaderKnowsNothingAboutPackages() {
        noClasses().that().resideInAPackage(ENGINE + ".layer..")
                .should().dependOnClassesThat().resideInAnyPackage(ENGINE + ".inventory..", ENGINE + ".catalog..")
                .check(CLASSES);
    }

    @Test
    void ecosystemsDoNotKnowEachOther() {
        slices().matching(ENGINE + ".ecosystem.(*)..").should().notDependOnEachOther().check(CLASSES);
    }

    @Test
    void onlyTheStandardListsNameEveryEcosystemAndNothingDependsOnThem() {
        noClasses().that().resideOutsideOfPackage(ENGINE + ".standard..")
                .should().dependOnClassesThat().resideInAPackage(ENGINE + ".standard..")
                .check(CLASSES);
    }

    @Test
    void perLayerResultsKnowNothingOfImageAssemblyOrWhatComesAfter() {
        noClasses().that().resideInAPackage(ENGINE + ".layerscan..")
                .should().dependOnClassesThat().resideInAnyPackage(ENGINE + ".assembly..", ENGINE + ".scan..",
                        ENGINE + ".match..", ENGINE + ".report..", ENGINE + ".ecosystem..")
                .check(CLASSES);
    }

    @Test
    void analysisMatchingAndPolicyDoNotKnowReports() {
        noClasses().that().resideInAnyPackage(ENGINE + ".assembly..", ENGINE + ".layerscan..", ENGINE + ".match..",
                        ENGINE + ".policy..", ENGINE + ".scan..")
                .should().dependOnClassesThat().resideInAPackage(ENGINE + ".report..")
                .check(CLASSES);
    }

    @Test
    void theRegistryClientSpeaksOnlyTheImageModel() {
        noClasses().that().resideInAPackage(ENGINE + ".registry..")
                .should().dependOnClassesThat(resideInAPackage(ENGINE + "..")
                        .and(not(resideInAnyPackage(ENGINE + ".registry..", ENGINE + ".image.."))))
                .check(CLASSES);
    }
}
