package io.appkeys.core.contract;

import io.appkeys.core.port.out.Storage;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The storage the contract suites of one test class run against. Registered on a class whose {@code @Nested}
 * classes extend the contracts, it hands each test its storage: a fresh one, closed after the test, or one
 * shared by the whole run.
 */
public final class StorageUnderTest implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(StorageUnderTest.class);

    private final Supplier<Storage> storage;
    private final boolean fresh;

    private StorageUnderTest(Supplier<Storage> storage, boolean fresh) {
        this.storage = storage;
        this.fresh = fresh;
    }

    /** A new storage for each test, closed after it. */
    public static StorageUnderTest fresh(Supplier<Storage> storage) {
        return new StorageUnderTest(storage, true);
    }

    /** One storage for every test, which the tests isolate themselves in (accounts of their own). */
    public static StorageUnderTest shared(Supplier<Storage> storage) {
        return new StorageUnderTest(storage, false);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Storage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Storage opened = storage.get();
        if (fresh) {
            context.getStore(NAMESPACE).put(Storage.class, opened);
        }
        return opened;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Storage opened = context.getStore(NAMESPACE).remove(Storage.class, Storage.class);
        if (opened != null) {
            opened.close();
        }
    }
}
