package io.appkeys.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules over the real code: every module's classes, as they arrive from the sibling jars. */
@AnalyzeClasses(packages = "io.appkeys", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onion = ArchitectureRules.ONION;

    @ArchTest
    static final ArchRule coreIsFrameworkFree = ArchitectureRules.CORE_IS_FRAMEWORK_FREE;

    @ArchTest
    static final ArchRule onlyCryptoUsesArgon2 = ArchitectureRules.ONLY_CRYPTO_USES_ARGON2;

    @ArchTest
    static final ArchRule onlyCryptoUsesNimbus = ArchitectureRules.ONLY_CRYPTO_USES_NIMBUS;

    @ArchTest
    static final ArchRule adaptersAreIndependent = ArchitectureRules.ADAPTERS_ARE_INDEPENDENT;

    @ArchTest
    static final ArchRule drivingAdaptersSeeUseCases = ArchitectureRules.DRIVING_ADAPTERS_SEE_USE_CASES;

    @ArchTest
    static final ArchRule drivenAdapterSeesItsPorts = ArchitectureRules.DRIVEN_ADAPTER_SEES_ITS_PORTS;

    @ArchTest
    static final ArchRule noCycles = ArchitectureRules.NO_CYCLES;
}
