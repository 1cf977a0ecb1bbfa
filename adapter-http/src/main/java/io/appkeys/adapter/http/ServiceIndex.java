package io.appkeys.adapter.http;

import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.io.service.SoftServiceLoader.StaticDefinition;
import io.micronaut.core.io.service.SoftServiceLoader.StaticServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Micronaut's services as listed from the runnable jar's own index of entries, handed to Micronaut before it starts.
 * Left to itself, Micronaut lists the entries under {@code META-INF/micronaut/} by opening the jar as a file system,
 * which reads all of its 17,000 entries again and builds a tree of them: about a tenth of the CPU that the server's
 * start costs, where walking the index the JVM already holds for the jar costs a fraction of that. Used only when
 * the class path is one jar, as with {@code java -jar}; tests and any other class path find their services as
 * Micronaut does. Each service is then what Micronaut itself would find: the providers of
 * {@code META-INF/services/<name>}, then the entries under {@code META-INF/micronaut/<name>/}, each instantiated and
 * skipped if it cannot be.
 */
final class ServiceIndex {

    private static final String MICRONAUT_SERVICES = "META-INF/micronaut/";

    private ServiceIndex() {}

    /** Hands the jar's services to Micronaut when running from one jar alone; otherwise does nothing. */
    static void useIfPackaged() {
        String classPath = System.getProperty("java.class.path", "");
        if (classPath.isEmpty() || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return;
        }
        Map<String, List<String>> listed;
        try (JarFile jar = new JarFile(classPath, false)) {
            listed = micronautServices(jar);
        } catch (IOException e) {
            return; // Micronaut lists them itself, and reports what it cannot read
        }
        ClassLoader classLoader = ServiceIndex.class.getClassLoader();
        StaticOptimizations.set(new SoftServiceLoader.Optimizations(new Services(classLoader, listed)));
    }

    /** Service name to provider class names, from the entries {@code META-INF/micronaut/<service>/<provider>}. */
    private static Map<String, List<String>> micronautServices(JarFile jar) {
        Map<String, List<String>> services = new HashMap<>();
        for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
            String name = entries.nextElement().getName();
            if (name.startsWith(MICRONAUT_SERVICES) && !name.endsWith("/")) {
                int slash = name.indexOf('/', MICRONAUT_SERVICES.length());
                if (slash > 0 && name.indexOf('/', slash + 1) < 0) {
                    services.computeIfAbsent(name.substring(MICRONAUT_SERVICES.length(), slash), s -> new ArrayList<>())
                            .add(name.substring(slash + 1));
                }
            }
        }
        return services;
    }

    private static List<String> lines(URL url) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loader for every service name Micronaut asks for, so none falls back to its own listing. */
    private static final class Services extends AbstractMap<String, StaticServiceLoader<?>> {

        private final ClassLoader classLoader;
        private final Map<String, List<String>> listed;
        private final Map<String, StaticServiceLoader<?>> loaders = new ConcurrentHashMap<>();

        Services(ClassLoader classLoader, Map<String, List<String>> listed) {
            this.classLoader = classLoader;
            this.listed = listed;
        }

        @Override
        public boolean containsKey(Object service) {
            return service instanceof String;
        }

        @Override
        public StaticServiceLoader<?> get(Object service) {
            return service instanceof String name ? loaders.computeIfAbsent(name, this::loader) : null;
        }

        @Override
        public Set<Entry<String, StaticServiceLoader<?>>> entrySet() {
            return Collections.unmodifiableSet(loaders.entrySet());
        }

        private StaticServiceLoader<?> loader(String service) {
            Set<String> providers = new LinkedHashSet<>(standardProviders(service));
            providers.addAll(listed.getOrDefault(service, List.of()));
            return new Providers(classLoader, List.copyOf(providers));
        }

        private List<String> standardProviders(String service) {
            List<String> providers = new ArrayList<>();
            try {
                for (URL file : Collections.list(classLoader.getResources("META-INF/services/" + service))) {
                    for (String line : lines(file)) {
                        int comment = line.indexOf('#');
                        String provider = (comment < 0 ? line : line.substring(0, comment)).strip();
                        if (!provider.isEmpty()) {
                            providers.add(provider);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return providers;
        }
    }

    /** The providers of one service; one that cannot be loaded or made (an absent optional library) is skipped. */
    private record Providers(ClassLoader classLoader, List<String> names) implements StaticServiceLoader<Object> {

        @Override
        public Stream<StaticDefinition<Object>> findAll(Predicate<String> condition) {
            return names.stream().filter(condition).map(this::instantiate).filter(Objects::nonNull);
        }

        private StaticDefinition<Object> instantiate(String name) {
            try {
                Object provider = MethodHandles.publicLookup()
                        .findConstructor(Class.forName(name, false, classLoader), MethodType.methodType(void.class))
                        .invoke();
                return StaticDefinition.of(name, () -> provider);
            } catch (NoClassDefFoundError | ClassNotFoundException | NoSuchMethodException | IllegalAccessException e) {
                return null;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
