package io.appkeys.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.appkeys.adapter.cli.brokenfixture.CommandThatBuildsAService;
import io.appkeys.adapter.http.brokenfixture.ControllerThatOpensTheDatabase;
import io.appkeys.adapter.persistence.DatabaseSettings;
import io.appkeys.core.brokenfixture.a.First;
import io.appkeys.core.brokenfixture.b.Second;
import io.appkeys.core.domain.AccountName;
import io.appkeys.core.domain.brokenfixture.DomainThatCallsAService;
import io.appkeys.core.service.AuthorizationService;
import io.appkeys.core.service.brokenfixture.ServiceThatHashesDirectly;
import io.appkeys.core.service.brokenfixture.ServiceThatSignsDirectly;
import io.appkeys.core.service.brokenfixture.ServiceThatUsesJdbc;
import org.junit.jupiter.api.Test;

/** Each rule, shown a fixture that breaks it, reports the break; a rule that cannot fail guards nothing. */
class RulesCanFailTest {

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... classes) {
        JavaClasses imported = new ClassFileImporter().importClasses(classes);
        return rule.evaluate(imported);
    }

    private static void assertBreaks(ArchRule rule, String expected, Class<?>... classes) {
        EvaluationResult result = evaluate(rule, classes);
        assertTrue(result.hasViolation(), "expected a violation of: " + rule.getDescription());
        String report = String.join("\n", result.getFailureReport().getDetails());
        assertTrue(report.contains(expected), report);
    }

    @Test
    void onion_catchesTheDomainDependingOnAService() {
        assertBreaks(
                ArchitectureRules.ONION,
                DomainThatCallsAService.class.getName(),
                DomainThatCallsAService.class,
                AuthorizationService.class,
                AccountName.class);
    }

    @Test
    void frameworkFreeCore_catchesJdbcInAService() {
        assertBreaks(ArchitectureRules.CORE_IS_FRAMEWORK_FREE, "java.sql.Connection", ServiceThatUsesJdbc.class);
    }

    @Test
    void argon2Rule_catchesHashingOutsideCrypto() {
        assertBreaks(
                ArchitectureRules.ONLY_CRYPTO_USES_ARGON2,
                "de.mkammerer.argon2.Argon2Factory",
                ServiceThatHashesDirectly.class);
    }

    @Test
    void nimbusRule_catchesSigningOutsideCrypto() {
        assertBreaks(
                ArchitectureRules.ONLY_CRYPTO_USES_NIMBUS,
                "com.nimbusds.jose.JWSAlgorithm",
                ServiceThatSignsDirectly.class);
    }

    @Test
    void adapterRule_catchesAnAdapterReachingIntoAnother() {
        assertBreaks(
                ArchitectureRules.ADAPTERS_ARE_INDEPENDENT,
                DatabaseSettings.class.getName(),
                ControllerThatOpensTheDatabase.class,
                DatabaseSettings.class);
    }

    @Test
    void portsRule_catchesACommandBuildingAService() {
        assertBreaks(
                ArchitectureRules.DRIVING_ADAPTERS_SEE_USE_CASES,
                AuthorizationService.class.getName(),
                CommandThatBuildsAService.class,
                AuthorizationService.class);
    }

    @Test
    void cycleRule_catchesTwoPackagesUsingEachOther() {
        assertBreaks(ArchitectureRules.NO_CYCLES, "brokenfixture", First.class, Second.class);
    }

    @Test
    void theRules_passOnCleanClasses() {
        assertFalse(evaluate(ArchitectureRules.CORE_IS_FRAMEWORK_FREE, AuthorizationService.class)
                .hasViolation());
        assertFalse(evaluate(ArchitectureRules.ADAPTERS_ARE_INDEPENDENT, DatabaseSettings.class)
                .hasViolation());
    }
}
