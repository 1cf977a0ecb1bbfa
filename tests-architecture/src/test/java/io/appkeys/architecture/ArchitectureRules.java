package io.appkeys.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The hexagon's boundaries (DESIGN.md section 4), as rules over every class under {@code io.appkeys}. Each
 * rule is checked against the real code and, in {@code RulesCanFailTest}, against a fixture that breaks it.
 */
final class ArchitectureRules {

    /**
     * The classes that assemble the graph, and so may see every ring and adapter: core's entry point for
     * embedding apps, and each runnable adapter's composition root (with its nested classes, and for the
     * server the bean definitions Micronaut generates from it, named {@code $AppKeysFactory...}).
     */
    static final Set<String> COMPOSITION_ROOTS = Set.of(
            "io.appkeys.core.AppKeys", "io.appkeys.adapter.http.AppKeysFactory", "io.appkeys.adapter.cli.Composition");

    static final DescribedPredicate<JavaClass> COMPOSITION_ROOT =
            describe("a composition root", ArchitectureRules::isCompositionRoot);

    static final DescribedPredicate<JavaClass> ANY = describe("any class", javaClass -> true);

    /** Dependencies point inward: domain, then ports, then use cases, then the adapters around them. */
    static final ArchRule ONION = onionArchitecture()
            .domainModels("io.appkeys.core.domain..")
            .domainServices("io.appkeys.core.port..")
            .applicationServices("io.appkeys.core.service..")
            .adapter("crypto", "io.appkeys.core.crypto..")
            .adapter("memory", "io.appkeys.core.memory..")
            .adapter("persistence", "io.appkeys.adapter.persistence..")
            .adapter("http", "io.appkeys.adapter.http..")
            .adapter("cli", "io.appkeys.adapter.cli..")
            .withOptionalLayers(true)
            .ignoreDependency(COMPOSITION_ROOT, ANY);

    /** Core is plain Java: no framework, no storage API. */
    static final ArchRule CORE_IS_FRAMEWORK_FREE = noClasses()
            .that()
            .resideInAPackage("io.appkeys.core..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "io.micronaut..",
                    "org.jdbi..",
                    "picocli..",
                    "jakarta..",
                    "javax.inject..",
                    "java.sql..",
                    "javax.sql..",
                    "org.flywaydb..",
                    "com.zaxxer..",
                    "org.h2..",
                    "org.postgresql..",
                    "com.fasterxml.jackson..")
            .because("core is a library any Java app can embed, with storage behind its ports");

    /** The Argon2 binding stays behind the hashing port. */
    static final ArchRule ONLY_CRYPTO_USES_ARGON2 = noClasses()
            .that()
            .resideOutsideOfPackage("io.appkeys.core.crypto..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("de.mkammerer..")
            .because("only core.crypto implements hashing; everything else goes through SecretHasher");

    /** Adapters do not reach into each other; only a composition root wires them together. */
    static final ArchRule ADAPTERS_ARE_INDEPENDENT = noClasses()
            .that()
            .resideInAnyPackage("io.appkeys.adapter..")
            .and(DescribedPredicate.not(COMPOSITION_ROOT))
            .should(new DependsOnAnotherAdapter())
            .because("an adapter talks to core's ports; only its composition root may open another adapter");

    /** No package depends on itself through others. */
    static final ArchRule NO_CYCLES =
            slices().matching("io.appkeys.(**)").should().beFreeOfCycles();

    private ArchitectureRules() {}

    private static boolean isCompositionRoot(JavaClass javaClass) {
        String name = javaClass.getName();
        for (String root : COMPOSITION_ROOTS) {
            String generated =
                    root.substring(0, root.lastIndexOf('.') + 1) + "$" + root.substring(root.lastIndexOf('.') + 1);
            if (name.equals(root) || name.startsWith(root + "$") || name.startsWith(generated)) {
                return true;
            }
        }
        return false;
    }
}
