package org.callisto;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules the packages keep: the capabilities (planet, journal, show, accounts, HTML, syndication) know nothing of
 * the web layer, the composition root or the HTTP server; the feed parser and the HTML sanitizer stand alone; no two
 * packages need each other; every package says what it is in a {@code package-info.java}.
 */
class ArchitectureTest {
    private static final String[] DOMAIN = {
        "org.callisto.planet..",
        "org.callisto.journal..",
        "org.callisto.show..",
        "org.callisto.account..",
        "org.callisto.html..",
        "org.callisto.search..",
        "org.callisto.syndication..",
        "org.callisto.mail..",
        "org.callisto.websub.."
    };

    /** Main classes only: no tests, no jte-generated templates (they live outside {@code org.callisto}). */
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/gg/jte/generated/"))
                .importPackages("org.callisto");
    }

    @Test
    void domainPackagesDependNeitherOnTheWebLayerNorOnTheCompositionRoot() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.callisto.web..", "org.callisto.app..")
                .because("the web layer and the composition root use the capabilities, not the other way round")
                .check(classes);
    }

    @Test
    void domainPackagesDependNeitherOnJavalinNorOnTheJettyServer() {
        noClasses()
                .that()
                .resideInAnyPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty.server..")
                .because("serving HTTP belongs to the web layer")
                .check(classes);
    }

    @Test
    void feedParsingDependsOnNoOtherCallistoPackage() {
        standsAlone("org.callisto.planet.parse..");
    }

    @Test
    void htmlDependsOnNoOtherCallistoPackage() {
        standsAlone("org.callisto.html..");
    }

    @Test
    void configurationDependsOnNoOtherCallistoPackage() {
        standsAlone("org.callisto.config..");
    }

    @Test
    void databaseSyndicationAndFetchingDependOnlyOnTheConfiguration() {
        for (String packages : List.of(
                "org.callisto.db..",
                "org.callisto.syndication..",
                "org.callisto.planet.fetch..",
                "org.callisto.mail..")) {
            noClasses()
                    .that()
                    .resideInAPackage(packages)
                    .should()
                    .dependOnClassesThat(resideInAPackage("org.callisto..")
                            .and(not(resideInAPackage(packages)))
                            .and(not(resideInAPackage("org.callisto.config.."))))
                    .because("they are foundations the capabilities build on")
                    .check(classes);
        }
    }

    private static void standsAlone(String packages) {
        noClasses()
                .that()
                .resideInAPackage(packages)
                .should()
                .dependOnClassesThat(resideInAPackage("org.callisto..").and(not(resideInAPackage(packages))))
                .because("it uses only itself, the JDK and libraries")
                .check(classes);
    }

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        slices().matching("org.callisto.(**)")
                .namingSlices("$1")
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        Path root = Path.of(System.getProperty("basedir", ".")).resolve("src/main/java");
        List<String> without;
        try (Stream<Path> dirs = Files.walk(root.resolve("org/callisto"))) {
            without = dirs.filter(Files::isDirectory)
                    .filter(ArchitectureTest::holdsJavaSource)
                    .filter(dir -> !Files.exists(dir.resolve("package-info.java")))
                    .map(dir -> root.relativize(dir).toString().replace(File.separatorChar, '.'))
                    .sorted()
                    .toList();
        }
        assertThat(without)
                .as("packages under src/main/java without a package-info.java")
                .isEmpty();
    }

    private static boolean holdsJavaSource(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
