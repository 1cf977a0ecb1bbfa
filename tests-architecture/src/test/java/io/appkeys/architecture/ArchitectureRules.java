package io.appkeys.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;

/**
 * The hexagon's boundaries, as rules over every class under {@code io.appkeys}: dependencies point inward, core
 * sees no framework, adapters see core through its ports, and only composition roots see how it is assembled.
 * Each rule is checked against the real code and, in {@code RulesCanFailTest}, against a fixture that breaks it.
 */
final class ArchitectureRules {

    /**
     * The classes that assemble a runnable adapter, and so may see core's assembly and another adapter: each
     * one's composition root (with its nested classes, and for the server the bean definitions Micronaut
     * generates from it, named {@code $AppKeysFactory...}).
     */
    static final Set<String> COMPOSITION_ROOTS = Set.of(
            "io.appkeys.adapter.http.AppKeysFactory",
            "io.appkeys.adapter.http.StoreOpening", // the factory's store, begun before the context starts
            "io.appkeys.adapter.http.UseCaseBeans",
            "io.appkeys.adapter.http.AppKeysProperties",
            "io.appkeys.adapter.cli.Composition");

    static final DescribedPredicate<JavaClass> COMPOSITION_ROOT =
            describe("a composition root", ArchitectureRules::isCompositionRoot);

    static final DescribedPredicate<JavaClass> ANY = describe("any class", javaClass -> true);

    /** The entry point of apps that embed core ({@code AppKeys}), an adapter of its own in the onion. */
    private static final String EMBEDDING = "io.appkeys.core";

    /** Dependencies point inward: domain, then ports, then use cases, then the adapters around them. */
    static final ArchRule ONION = onionArchitecture()
            .domainModels("io.appkeys.core.domain..")
            .domainServices("io.appkeys.core.port..")
            .applicationServices("io.appkeys.core.service..")
            .adapter("embedding", EMBEDDING)
            .adapter("crypto", "io.appkeys.core.crypto..")
            .adapter("memory", "io.appkeys.core.memory..")
            .adapter("persistence", "io.appkeys.adapter.persistence..")
            .adapter("http", "io.appkeys.adapter.http..")
            .adapter("cli", "io.appkeys.adapter.cli..")
            .withOptionalLayers(true)
            // what the embedding entry point gives when an app names no storage, hasher or generator of its own
            .ignoreDependency(
                    resideInAPackage(EMBEDDING),
                    resideInAnyPackage("io.appkeys.core.crypto..", "io.appkeys.core.memory.."))
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

    /** The JOSE library stays behind the token-signing port, as Argon2 stays behind hashing. */
    static final ArchRule ONLY_CRYPTO_USES_NIMBUS = noClasses()
            .that()
            .resideOutsideOfPackage("io.appkeys.core.crypto..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("com.nimbusds..")
            .because("only core.crypto signs and checks tokens; everything else goes through TokenSigner");

    /** Adapters do not reach into each other; only a composition root wires them together. */
    static final ArchRule ADAPTERS_ARE_INDEPENDENT = noClasses()
            .that()
            .resideInAnyPackage("io.appkeys.adapter..")
            .and(not(COMPOSITION_ROOT))
            .should(new DependsOnAnotherAdapter())
            .because("an adapter talks to core's ports; only its composition root may open another adapter");

    /**
     * A driving adapter (the server, the command line) sees core's use cases and domain, and nothing of how they
     * are built or assembled: its controllers and commands each ask for the ports they use.
     */
    static final ArchRule DRIVING_ADAPTERS_SEE_USE_CASES = noClasses()
            .that()
            .resideInAnyPackage("io.appkeys.adapter.http..", "io.appkeys.adapter.cli..")
            .and(not(COMPOSITION_ROOT))
            .should()
            .dependOnClassesThat(resideInAPackage("io.appkeys.core..")
                    .and(not(resideInAnyPackage("io.appkeys.core.port.in..", "io.appkeys.core.domain.."))))
            .because("a controller or command takes the use cases it needs; only a composition root builds them");

    /** The driven adapter (storage) implements core's outgoing ports, and sees nothing else of core. */
    static final ArchRule DRIVEN_ADAPTER_SEES_ITS_PORTS = noClasses()
            .that()
            .resideInAPackage("io.appkeys.adapter.persistence..")
            .should()
            .dependOnClassesThat(resideInAPackage("io.appkeys.core..")
                    .and(not(resideInAnyPackage("io.appkeys.core.port.out..", "io.appkeys.core.domain.."))))
            .because("storage implements the outgoing ports; the use cases are no concern of it");

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
