package io.brief2image;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package tree is the pipeline (README, "Project layout"): packages form layers, lowest first,
 * and a package may use only the packages below it. A change that needs a package above it belongs
 * in that package, or the shared piece belongs lower down (base holds what several stages share).
 */
class ArchitectureTest {

    /** The layers, lowest first: each may use only those before it in this list. */
    private static final List<String> LAYERS = List.of(
            "base", "store", "broker", "http", "brief", "admission", "dedupe", "guidelines", "expansion", "moderation", "render",
            "batch",
            "outbox", "deadletter", "ops", "app", "cli");
    /** A product of its own: it uses nothing of the project, and only the wiring (app) starts it. */
    private static final String OFFLINE = "offline";
    /** The SLF4J provider: found by SLF4J through META-INF/services, so it uses nothing of the project and nothing uses it. */
    private static final String LOGGING = "logging";

    private static final DescribedPredicate<JavaClass> MAIN_CODE = areIn("main code", "/test-classes/", false);
    private static final DescribedPredicate<JavaClass> TEST_CODE = areIn("test code", "/test-classes/", true);

    private static JavaClasses main;
    private static JavaClasses mainAndTests;

    @BeforeAll
    static void importClasses() {
        // two imports: a filtered view of one would still see the tests' uses of main classes
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.brief2image");
        mainAndTests = new ClassFileImporter().importPackages("io.brief2image");
    }

    @Test
    void packagesHaveNoCycles() {
        slices().matching("io.brief2image.(**)").namingSlices("package $1")
                .should().beFreeOfCycles()
                .because("a cycle makes the packages one unit that can only be understood and changed together;"
                        + " move the shared piece to the lower package (or to base) so the dependency points one way")
                .check(main);
    }

    @Test
    void packagesUseOnlyTheLayersBelowThem() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : LAYERS) {
            layers = layers.layer(layer).definedBy("io.brief2image." + layer + "..");
        }
        layers = layers.layer(OFFLINE).definedBy("io.brief2image." + OFFLINE + "..");
        layers = layers.layer(LOGGING).definedBy("io.brief2image." + LOGGING + "..");
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).toArray(String[]::new);
            layers = layers.whereLayer(LAYERS.get(i)).mayOnlyBeAccessedByLayers(above);
        }
        layers = layers.whereLayer(LAYERS.get(LAYERS.size() - 1)).mayNotBeAccessedByAnyLayer()
                .whereLayer(OFFLINE).mayOnlyBeAccessedByLayers("app")
                .whereLayer(OFFLINE).mayNotAccessAnyLayer()
                .whereLayer(LOGGING).mayNotBeAccessedByAnyLayer()
                .whereLayer(LOGGING).mayNotAccessAnyLayer();
        layers.because("the packages are layers in pipeline order (" + String.join(" < ", LAYERS)
                        + "; offline and logging stand alone): a package may use only the layers below it."
                        + " A violation means the class is in the wrong package or the shared piece belongs lower down")
                .check(main);
    }

    @Test
    void mainCodeDoesNotUseTestCode() {
        noClasses().that(MAIN_CODE)
                .should().dependOnClassesThat(TEST_CODE)
                .because("the shipped jar has no test classes: a main class using one fails at run time")
                .check(mainAndTests);
    }

    /** Where the class file was read from: target/test-classes holds the tests (and the benchmarks). */
    private static DescribedPredicate<JavaClass> areIn(String description, String folder, boolean inside) {
        return DescribedPredicate.describe(description, c -> c.getSource()
                .map(source -> source.getUri().toString().contains(folder) == inside)
                .orElse(false));
    }
}
