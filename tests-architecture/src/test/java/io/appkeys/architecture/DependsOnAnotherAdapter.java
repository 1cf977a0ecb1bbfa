package io.appkeys.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/** Holds when a class under {@code io.appkeys.adapter.X} uses a class under {@code io.appkeys.adapter.Y}. */
final class DependsOnAnotherAdapter extends ArchCondition<JavaClass> {

    private static final String ADAPTERS = "io.appkeys.adapter.";

    DependsOnAnotherAdapter() {
        super("depend on another adapter");
    }

    @Override
    public void check(JavaClass javaClass, ConditionEvents events) {
        Optional<String> own = adapterOf(javaClass);
        for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
            Optional<String> target = adapterOf(dependency.getTargetClass());
            if (own.isPresent() && target.isPresent() && !own.equals(target)) {
                events.add(SimpleConditionEvent.satisfied(javaClass, dependency.getDescription()));
            }
        }
    }

    private static Optional<String> adapterOf(JavaClass javaClass) {
        String name = javaClass.getPackageName() + ".";
        if (!name.startsWith(ADAPTERS)) {
            return Optional.empty();
        }
        String rest = name.substring(ADAPTERS.length());
        return Optional.of(rest.substring(0, rest.indexOf('.')));
    }
}
