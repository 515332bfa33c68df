package io.brief2image.app;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.camel.CamelConfiguration;
import org.apache.camel.CamelContext;

/**
 * A Camel configuration whose {@code @BindToRegistry} methods, each named as the bean the routes
 * refer to, build their bean once, whoever asks first: Camel binding it, or another bean method
 * that needs it. So the methods may call each other in any order, and Camel's order does not matter.
 */
abstract class OnceBeans implements CamelConfiguration {

    protected final Settings settings;
    private final Supplier<CamelContext> context;
    private final Map<String, Object> made = new HashMap<>();

    OnceBeans(Settings settings, Supplier<CamelContext> context) {
        this.settings = settings;
        this.context = context;
    }

    /** The bean called {@code name}, made by {@code make} the first time (it may be null: then nothing is bound). */
    @SuppressWarnings("unchecked")
    protected final synchronized <T> T once(String name, Supplier<T> make) {
        if (!made.containsKey(name)) {
            made.put(name, make.get());
        }
        return (T) made.get(name);
    }

    protected final CamelContext context() {
        return context.get();
    }

    @Override
    public void configure(CamelContext camelContext) throws Exception {
        // the beans are bound by their methods; a configuration with work left for after them overrides this
    }
}
